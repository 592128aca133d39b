// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDialog>
#include <QJsonObject>

class QDateTimeEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;

// A new silence, as Perses' Create Silence form: one matcher per label of the alert (name,
// operator, value; more can be added or removed), start now and end in 30 minutes, who
// creates it (required) and why. Create stays disabled until the silence is one Alertmanager
// takes. The dialog stays open with the answer's error when the request fails, so nothing
// typed is lost.
class SilenceDialog : public QDialog
{
    Q_OBJECT

public:
    SilenceDialog(const QJsonObject &labels, QWidget *parent = nullptr);

    // The PostableSilence of Alertmanager's API v2 (times in UTC).
    QJsonObject silence() const;
    // What is wrong with the silence as filled in, or empty.
    QString problem() const;
    // The request is on its way: the form waits; or it failed: its words, the form back.
    void setSending(bool sending);
    void showError(const QString &error);

signals:
    void createRequested();

private:
    void addMatcher(const QString &name, const QString &op, const QString &value);
    void check();

    QTableWidget *m_matchers;
    QDateTimeEdit *m_start;
    QDateTimeEdit *m_end;
    QLineEdit *m_creator;
    QPlainTextEdit *m_comment;
    QLabel *m_message;
    QDialogButtonBox *m_buttons;
    QPushButton *m_create = nullptr;
};
