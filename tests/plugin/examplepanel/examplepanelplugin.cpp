// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "examplepanelplugin.h"

#include <QLabel>
#include <QLineEdit>

namespace {

class ExampleTextView : public PdPlugin::PanelView
{
public:
    explicit ExampleTextView(const QString &text)
        : m_text(text)
        , m_label(new QLabel)
    {
        m_label->setAlignment(Qt::AlignCenter);
        m_label->setStyleSheet(
            QStringLiteral("background: #8e6cd9; color: white; font-size: 28px"));
        setData({});
    }
    ~ExampleTextView() override { delete m_label; }
    QWidget *widget() override { return m_label; }
    void setData(const PdPlugin::PanelData &data) override
    {
        std::size_t series = 0;
        for (const PdPlugin::QueryView &query : data.queries)
            series += query.series.size();
        m_label->setText(QStringLiteral("%1 (%2 series)").arg(m_text).arg(series));
    }
    bool hasContent() const override { return true; }

private:
    QString m_text;
    QLabel *m_label;
};

} // namespace

QList<PdPlugin::PanelKind> ExamplePanelPlugin::panelKinds() const
{
    return {{QStringLiteral("ExampleText"), QStringLiteral("Example text"), false}};
}

PdPlugin::PanelView *ExamplePanelPlugin::createPanel(const PdPlugin::PanelContext &context)
{
    return new ExampleTextView(context.spec.value(QStringLiteral("text")).toString());
}

PdPlugin::SpecIssues ExamplePanelPlugin::validateSpec(const QString &,
                                                      const QJsonObject &spec) const
{
    if (!spec.value(QStringLiteral("text")).isString())
        return {{QStringLiteral("text"), QStringLiteral("a text is required")}};
    return {};
}

QWidget *ExamplePanelPlugin::createOptionsEditor(const PdPlugin::OptionsEditorContext &context,
                                                 QWidget *parent)
{
    auto *text = new QLineEdit(context.spec.value(QStringLiteral("text")).toString(), parent);
    text->setObjectName(QStringLiteral("exampleText"));
    QObject::connect(text, &QLineEdit::textChanged, text,
                     [spec = context.spec, changed = context.specChanged](const QString &value) {
                         QJsonObject edited = spec;
                         edited.insert(QStringLiteral("text"), value);
                         changed(edited);
                     });
    return text;
}
