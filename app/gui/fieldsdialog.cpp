// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "fieldsdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>

namespace Pd::Gui {

FieldsDialog::FieldsDialog(const QString &title, QWidget *parent)
    : QDialog(parent)
    , m_form(new QFormLayout(this))
{
    setWindowTitle(title);
}

QLineEdit *FieldsDialog::addText(const QString &label, const QString &value,
                                 const QString &placeholder)
{
    auto *field = new QLineEdit(value, this);
    field->setPlaceholderText(placeholder);
    // Wide enough for a PromQL expression or a description without scrolling at once.
    field->setMinimumWidth(field->fontMetrics().averageCharWidth() * 60);
    m_form->addRow(label, field);
    return field;
}

QComboBox *FieldsDialog::addChoice(const QString &label, const QStringList &choices,
                                   const QString &current)
{
    auto *field = new QComboBox(this);
    field->addItems(choices);
    field->setCurrentText(current);
    m_form->addRow(label, field);
    return field;
}

bool FieldsDialog::ask()
{
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_form->addRow(buttons);
    return exec() == QDialog::Accepted;
}

} // namespace Pd::Gui
