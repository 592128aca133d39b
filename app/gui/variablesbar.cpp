// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "variablesbar.h"

#include <QComboBox>
#include <QCompleter>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QSignalBlocker>
#include <QToolButton>
#include <QVBoxLayout>
#include <QWidgetAction>

namespace Pd::Gui {

namespace {

constexpr const char *allValue = "$__all";

QString text(const std::string &value)
{
    return QString::fromStdString(value);
}

} // namespace

VariablesBar::VariablesBar(QWidget *parent)
    : QWidget(parent)
    , m_layout(new QHBoxLayout(this))
{
    m_layout->setContentsMargins(8, 2, 8, 2);
    m_layout->setSpacing(6);
    m_layout->addStretch(1);
}

namespace {

// What the controls show: when it has not changed (an auto-refresh resolves the same
// options), the controls stay, and so does an open popup with its ticks.
std::string signatureOf(const std::vector<VariableState> &states)
{
    std::string signature;
    for (const VariableState &state : states) {
        signature += state.name() + '\x1f' + state.error + '\x1f';
        for (const VariableOption &option : state.options)
            signature += option.label + '\x1e' + option.value + '\x1e';
        for (const std::string &value : state.selected.values)
            signature += value + '\x1d';
        signature += '\x1c';
    }
    return signature;
}

} // namespace

void VariablesBar::setStates(const std::vector<VariableState> &states)
{
    std::string signature = signatureOf(states);
    if (signature == m_signature)
        return;
    m_signature = std::move(signature);
    while (m_layout->count() > 1) {
        QLayoutItem *item = m_layout->takeAt(0);
        delete item->widget();
        delete item;
    }
    int position = 0;
    for (const VariableState &state : states) {
        m_values[state.name()] = state.selected;
        if (state.spec.hidden)
            continue;
        const QString title =
            text(state.spec.display.name.empty() ? state.name() : state.spec.display.name);
        auto *label = new QLabel(title, this);
        label->setToolTip(state.error.empty() ? text(state.spec.display.description)
                                              : text(state.error));
        if (!state.error.empty())
            label->setStyleSheet(QStringLiteral("color: #d9534f"));
        m_layout->insertWidget(position++, label);
        m_layout->insertWidget(position++, controlFor(state));
    }
    setVisible(position > 0);
}

QWidget *VariablesBar::controlFor(const VariableState &state)
{
    if (state.spec.kind == Model::VariableKind::Text) {
        auto *edit = new QLineEdit(text(state.selected.first()), this);
        edit->setReadOnly(state.spec.constant);
        edit->setMinimumWidth(120);
        connect(edit, &QLineEdit::editingFinished, this, [this, edit, name = state.name()] {
            choose(name, VariableValue::single(edit->text().toStdString()));
        });
        return edit;
    }
    return state.spec.allowMultiple ? multiControl(state) : listControl(state);
}

QWidget *VariablesBar::listControl(const VariableState &state)
{
    auto *box = new QComboBox(this);
    box->setEditable(true);
    box->setInsertPolicy(QComboBox::NoInsert);
    box->setMinimumContentsLength(12);
    box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    if (state.spec.allowAllValue)
        box->addItem(tr("All"), QLatin1StringView(allValue));
    for (const VariableOption &option : state.options)
        box->addItem(text(option.label), text(option.value));
    box->completer()->setFilterMode(Qt::MatchContains);
    box->completer()->setCompletionMode(QCompleter::PopupCompletion);
    box->setCurrentIndex(std::max(0, box->findData(text(state.selected.first()))));
    connect(box, &QComboBox::activated, this, [this, box, name = state.name()](int index) {
        choose(name, VariableValue::single(box->itemData(index).toString().toStdString()));
    });
    return box;
}

// A popup with a search field over check boxes; the choice applies when the popup closes,
// so ticking five hosts runs the dashboard once, not five times.
QWidget *VariablesBar::multiControl(const VariableState &state)
{
    auto *button = new QToolButton(this);
    button->setPopupMode(QToolButton::InstantPopup);
    button->setMinimumWidth(100);
    auto *menu = new QMenu(button);
    auto *panel = new QWidget(menu);
    auto *layout = new QVBoxLayout(panel);
    layout->setContentsMargins(4, 4, 4, 4);
    auto *filter = new QLineEdit(panel);
    filter->setPlaceholderText(tr("Search"));
    filter->setClearButtonEnabled(true);
    auto *list = new QListWidget(panel);
    list->setMinimumWidth(220);
    layout->addWidget(filter);
    layout->addWidget(list);
    const std::vector<std::string> &selected = state.selected.values;
    auto addRow = [&](const QString &label, const QString &value) {
        auto *item = new QListWidgetItem(label, list);
        item->setData(Qt::UserRole, value);
        item->setFlags(Qt::ItemIsUserCheckable | Qt::ItemIsEnabled);
        const bool on =
            std::find(selected.begin(), selected.end(), value.toStdString()) != selected.end();
        item->setCheckState(on ? Qt::Checked : Qt::Unchecked);
    };
    if (state.spec.allowAllValue)
        addRow(tr("All"), QLatin1StringView(allValue));
    for (const VariableOption &option : state.options)
        addRow(text(option.label), text(option.value));
    connect(filter, &QLineEdit::textChanged, list, [list](const QString &needle) {
        for (int row = 0; row < list->count(); ++row) {
            QListWidgetItem *item = list->item(row);
            const bool isAll = item->data(Qt::UserRole).toString() == QLatin1StringView(allValue);
            item->setHidden(!isAll && !item->text().contains(needle, Qt::CaseInsensitive));
        }
    });
    // "All" excludes single values and the other way round, as in Perses.
    connect(list, &QListWidget::itemChanged, list, [list](QListWidgetItem *changed) {
        if (changed->checkState() != Qt::Checked)
            return;
        const bool allPicked =
            changed->data(Qt::UserRole).toString() == QLatin1StringView(allValue);
        const QSignalBlocker blocker(list);
        for (int row = 0; row < list->count(); ++row) {
            QListWidgetItem *item = list->item(row);
            const bool isAll = item->data(Qt::UserRole).toString() == QLatin1StringView(allValue);
            const bool conflicts = allPicked ? !isAll : isAll;
            if (item != changed && conflicts)
                item->setCheckState(Qt::Unchecked);
        }
    });
    auto *action = new QWidgetAction(menu);
    action->setDefaultWidget(panel);
    menu->addAction(action);
    connect(menu, &QMenu::aboutToShow, filter, [filter] { filter->setFocus(); });
    connect(menu, &QMenu::aboutToHide, this,
            [this, list, name = state.name(), before = state.selected.values] {
                std::vector<std::string> values;
                for (int row = 0; row < list->count(); ++row) {
                    if (list->item(row)->checkState() == Qt::Checked)
                        values.push_back(
                            list->item(row)->data(Qt::UserRole).toString().toStdString());
                }
                if (values != before)
                    choose(name, VariableValue::list(std::move(values)));
            });
    QStringList shown;
    for (const std::string &value : selected)
        shown.append(value == allValue ? tr("All") : text(value));
    button->setText(shown.isEmpty() ? tr("None") : shown.join(QStringLiteral(", ")));
    button->setMenu(menu);
    return button;
}

void VariablesBar::choose(const std::string &name, VariableValue value)
{
    m_values[name] = std::move(value);
    emit valuesChanged(m_values);
}

} // namespace Pd::Gui
