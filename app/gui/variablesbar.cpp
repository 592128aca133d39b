// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "variablesbar.h"

#include <QComboBox>
#include <QCompleter>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QToolButton>

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

void VariablesBar::setStates(const std::vector<VariableState> &states)
{
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

QWidget *VariablesBar::multiControl(const VariableState &state)
{
    auto *button = new QToolButton(this);
    button->setPopupMode(QToolButton::InstantPopup);
    button->setMinimumWidth(100);
    auto *menu = new QMenu(button);
    const std::vector<std::string> &selected = state.selected.values;
    auto isSelected = [&](const std::string &value) {
        return std::find(selected.begin(), selected.end(), value) != selected.end();
    };
    if (state.spec.allowAllValue) {
        QAction *all = menu->addAction(tr("All"));
        all->setCheckable(true);
        all->setChecked(isSelected(allValue));
        all->setData(QLatin1StringView(allValue));
    }
    for (const VariableOption &option : state.options) {
        QAction *action = menu->addAction(text(option.label));
        action->setCheckable(true);
        action->setChecked(isSelected(option.value));
        action->setData(text(option.value));
    }
    QStringList shown;
    for (const std::string &value : selected)
        shown.append(value == allValue ? tr("All") : text(value));
    button->setText(shown.isEmpty() ? tr("None") : shown.join(QStringLiteral(", ")));
    button->setMenu(menu);
    connect(menu, &QMenu::triggered, this, [this, menu, name = state.name()](QAction *changed) {
        std::vector<std::string> values;
        const bool allPicked =
            changed->data().toString() == QLatin1StringView(allValue) && changed->isChecked();
        for (QAction *action : menu->actions()) {
            const bool isAll = action->data().toString() == QLatin1StringView(allValue);
            // "All" excludes single values and the other way round, as in Perses.
            if (allPicked ? isAll : (action->isChecked() && !isAll))
                values.push_back(action->data().toString().toStdString());
        }
        choose(name, VariableValue::list(std::move(values)));
    });
    return button;
}

void VariablesBar::choose(const std::string &name, VariableValue value)
{
    m_values[name] = std::move(value);
    emit valuesChanged(m_values);
}

} // namespace Pd::Gui
