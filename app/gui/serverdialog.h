// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "serverconnection.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;

namespace Pd::Gui {

// Adds a Perses server (or edits one): a name, the base URL with any prefix, how to log in,
// a CA file, and the "do not verify TLS" switch, which warns for as long as it is on.
class ServerDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ServerDialog(QWidget *parent = nullptr);
    void setConnection(const ServerConnection &connection);
    ServerConnection connection() const;

private:
    void updateState();

    QLineEdit *m_name;
    QLineEdit *m_url;
    QComboBox *m_authentication;
    QLineEdit *m_username;
    QLineEdit *m_caFile;
    QCheckBox *m_insecure;
    QLabel *m_warning;
    class QPushButton *m_ok = nullptr;
};

} // namespace Pd::Gui
