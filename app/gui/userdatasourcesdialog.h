// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "datasourcecatalog.h"
#include "datasourceconnection.h"
#include "queryresult.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;

namespace Pd::Gui {

// Datasources…: every datasource the dashboard can see, with the scope that wins for it
// (dashboard, project, global) or the user's own URL that overrides it, and those its panels
// ask for and cannot find. For one, the user sets (or takes back) the URL and headers this
// app reaches it at, and tests them against Prometheus' API. Saved, the overrides go to the
// user's datasources file ($XDG_CONFIG_HOME/perses-desktop/datasources.yaml) and the window
// applies them at once.
class UserDatasourcesDialog : public QDialog
{
    Q_OBJECT

public:
    UserDatasourcesDialog(const DatasourceCatalog &catalog,
                          const std::vector<DatasourceProblem> &problems,
                          DatasourceOverrides overrides, QWidget *parent = nullptr);

    // The overrides as edited (the file's, with the changes), once accepted.
    const DatasourceOverrides &overrides() const { return m_overrides; }
    // Writes them to the user file; an error message when it cannot.
    std::optional<std::string> save(const std::string &path) const;

    QTreeWidget *list() const { return m_list; }
    QLineEdit *urlField() const { return m_url; }
    QPlainTextEdit *headersField() const { return m_headers; }
    QLineEdit *caFileField() const { return m_caFile; }
    QCheckBox *skipVerifyField() const { return m_skipVerify; }
    QCheckBox *headersInKeyringField() const { return m_headersInKeyring; }
    QLabel *testResult() const { return m_testResult; }
    void select(const QString &name);
    // Asks the URL as typed for its label names: reachable, and a Prometheus API.
    void testConnection();

private:
    void fill(const DatasourceCatalog &catalog, const std::vector<DatasourceProblem> &problems);
    void showSelected();
    void commit();
    QString selectedName() const;
    std::string shownKind() const;
    void describeRow(int row);

    DatasourceOverrides m_overrides;
    QTreeWidget *m_list;
    QLineEdit *m_url;
    QPlainTextEdit *m_headers;
    QLineEdit *m_caFile;
    QCheckBox *m_skipVerify;
    QCheckBox *m_headersInKeyring;
    // Secret headers of the one shown whose values the keyring did not give: kept as they are
    // unless a value is typed for them.
    std::vector<std::string> m_unreadSecrets;
    QLabel *m_testResult;
    QPushButton *m_test;
    QString m_shown; // the name the fields hold
};

} // namespace Pd::Gui
