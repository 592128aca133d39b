// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "variablestate.h"

#include <QWidget>

#include <map>

class QHBoxLayout;

namespace Pd::Gui {

// The dashboard's variables as controls: a searchable dropdown for a list variable, a menu
// of check boxes with "All" for a multi-value one, a line edit for a text variable. Hidden
// variables are not shown. Picking a value emits every current choice.
class VariablesBar : public QWidget
{
    Q_OBJECT

public:
    explicit VariablesBar(QWidget *parent = nullptr);
    void setStates(const std::vector<VariableState> &states);

signals:
    void valuesChanged(const std::map<std::string, Pd::VariableValue> &values);

private:
    QWidget *controlFor(const VariableState &state);
    QWidget *listControl(const VariableState &state);
    QWidget *multiControl(const VariableState &state);
    void choose(const std::string &name, VariableValue value);

    QHBoxLayout *m_layout;
    std::map<std::string, VariableValue> m_values;
    std::string m_signature; // of the states the controls show
};

} // namespace Pd::Gui
