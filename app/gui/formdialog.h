// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLayout;
class QVBoxLayout;

namespace Pd::Gui {

// A dialog around a form (the panel, variable and datasource editors): the form, a line that
// says why OK is refused while a field does not read, and OK and Cancel.
class FormDialog : public QDialog
{
    Q_OBJECT

public:
    explicit FormDialog(QWidget *parent = nullptr);

protected:
    // The form, above the problem line and the buttons.
    void setForm(QWidget *form);
    void setForm(QLayout *form);
    // OK is refused while `why` says something, and the line under the form says it.
    void showProblem(const QString &why);

private:
    QVBoxLayout *m_layout;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};

} // namespace Pd::Gui
