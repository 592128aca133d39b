// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDialog>

class QComboBox;
class QFormLayout;
class QLineEdit;

namespace Pd::Gui {

// A small form of labelled fields with OK and Cancel: what the editor asks a panel's title
// or a dashboard's settings with.
class FieldsDialog : public QDialog
{
    Q_OBJECT

public:
    FieldsDialog(const QString &title, QWidget *parent);

    QLineEdit *addText(const QString &label, const QString &value, const QString &placeholder = {});
    QComboBox *addChoice(const QString &label, const QStringList &choices, const QString &current);
    // Shows the dialog; true when accepted.
    bool ask();

private:
    QFormLayout *m_form;
};

} // namespace Pd::Gui
