// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "silencedialog.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace {

enum MatcherColumn { NameColumn, OperatorColumn, ValueColumn };

const QStringList operators = {QStringLiteral("="), QStringLiteral("!="), QStringLiteral("=~"),
                               QStringLiteral("!~")};

} // namespace

SilenceDialog::SilenceDialog(const QJsonObject &labels, QWidget *parent)
    : QDialog(parent)
    , m_matchers(new QTableWidget(0, 3, this))
    , m_start(new QDateTimeEdit(QDateTime::currentDateTime(), this))
    , m_end(new QDateTimeEdit(QDateTime::currentDateTime().addSecs(30 * 60), this))
    , m_creator(new QLineEdit(qEnvironmentVariable("USER"), this))
    , m_comment(new QPlainTextEdit(this))
    , m_message(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Create Silence"));
    m_matchers->setHorizontalHeaderLabels({tr("Label"), tr("Operator"), tr("Value")});
    m_matchers->horizontalHeader()->setSectionResizeMode(ValueColumn, QHeaderView::Stretch);
    m_matchers->verticalHeader()->hide();
    for (auto it = labels.begin(); it != labels.end(); ++it)
        addMatcher(it.key(), QStringLiteral("="), it.value().toString());
    auto *add = new QPushButton(tr("Add Matcher"), this);
    auto *remove = new QPushButton(tr("Remove Matcher"), this);
    connect(add, &QPushButton::clicked, this, [this] {
        addMatcher({}, QStringLiteral("="), {});
        check();
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        m_matchers->removeRow(m_matchers->currentRow() >= 0 ? m_matchers->currentRow()
                                                            : m_matchers->rowCount() - 1);
        check();
    });
    for (QDateTimeEdit *edit : {m_start, m_end}) {
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
        edit->setCalendarPopup(true);
        connect(edit, &QDateTimeEdit::dateTimeChanged, this, &SilenceDialog::check);
    }
    m_creator->setPlaceholderText(tr("Who creates the silence (required)"));
    m_comment->setPlaceholderText(tr("Why"));
    // A few lines: the matchers, one per label, want the room.
    m_comment->setMaximumHeight(m_comment->fontMetrics().lineSpacing() * 4 + 12);
    m_message->setWordWrap(true);
    m_create = m_buttons->addButton(tr("Create"), QDialogButtonBox::AcceptRole);
    m_create->setObjectName(QStringLiteral("create"));
    connect(m_create, &QPushButton::clicked, this, &SilenceDialog::createRequested);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_creator, &QLineEdit::textChanged, this, &SilenceDialog::check);
    connect(m_matchers, &QTableWidget::itemChanged, this, &SilenceDialog::check);

    auto *form = new QFormLayout;
    form->addRow(tr("Starts"), m_start);
    form->addRow(tr("Ends"), m_end);
    form->addRow(tr("Creator"), m_creator);
    form->addRow(tr("Comment"), m_comment);
    auto *matcherButtons = new QHBoxLayout;
    matcherButtons->addWidget(add);
    matcherButtons->addWidget(remove);
    matcherButtons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Alerts matching every matcher are silenced."), this));
    layout->addWidget(m_matchers, 1);
    layout->addLayout(matcherButtons);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(m_buttons);
    resize(640, 520);
    check();
}

void SilenceDialog::addMatcher(const QString &name, const QString &op, const QString &value)
{
    const int row = m_matchers->rowCount();
    m_matchers->insertRow(row);
    m_matchers->setItem(row, NameColumn, new QTableWidgetItem(name));
    auto *choice = new QComboBox(m_matchers);
    choice->addItems(operators);
    choice->setCurrentText(op);
    m_matchers->setCellWidget(row, OperatorColumn, choice);
    m_matchers->setItem(row, ValueColumn, new QTableWidgetItem(value));
}

QString SilenceDialog::problem() const
{
    if (m_matchers->rowCount() == 0)
        return tr("A silence needs at least one matcher.");
    for (int row = 0; row < m_matchers->rowCount(); ++row) {
        const QTableWidgetItem *name = m_matchers->item(row, NameColumn);
        if (!name || name->text().trimmed().isEmpty())
            return tr("Matcher %1 has no label name.").arg(row + 1);
    }
    if (m_creator->text().trimmed().isEmpty())
        return tr("Say who creates the silence.");
    if (m_end->dateTime() <= m_start->dateTime())
        return tr("The silence must end after it starts.");
    return {};
}

void SilenceDialog::check()
{
    const QString wrong = problem();
    m_message->setText(wrong);
    m_create->setEnabled(wrong.isEmpty());
}

QJsonObject SilenceDialog::silence() const
{
    QJsonArray matchers;
    for (int row = 0; row < m_matchers->rowCount(); ++row) {
        const auto *choice = qobject_cast<QComboBox *>(m_matchers->cellWidget(row, OperatorColumn));
        const QString op = choice ? choice->currentText() : QStringLiteral("=");
        const QTableWidgetItem *value = m_matchers->item(row, ValueColumn);
        matchers.append(QJsonObject{
            {QStringLiteral("name"), m_matchers->item(row, NameColumn)->text().trimmed()},
            {QStringLiteral("value"), value ? value->text() : QString()},
            {QStringLiteral("isRegex"), op.endsWith(u'~')},
            {QStringLiteral("isEqual"), !op.startsWith(u'!')}});
    }
    return QJsonObject{
        {QStringLiteral("matchers"), matchers},
        {QStringLiteral("startsAt"), m_start->dateTime().toUTC().toString(Qt::ISODate)},
        {QStringLiteral("endsAt"), m_end->dateTime().toUTC().toString(Qt::ISODate)},
        {QStringLiteral("createdBy"), m_creator->text().trimmed()},
        {QStringLiteral("comment"), m_comment->toPlainText()}};
}

void SilenceDialog::setSending(bool sending)
{
    setEnabled(!sending);
    if (sending)
        m_message->setText(tr("Creating the silence…"));
}

void SilenceDialog::showError(const QString &error)
{
    setSending(false);
    m_message->setText(tr("Alertmanager did not create the silence: %1").arg(error));
}
