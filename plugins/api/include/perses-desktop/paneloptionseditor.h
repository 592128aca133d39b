// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QJsonObject>
#include <QString>
#include <QtPlugin>

#include <functional>

class QWidget;

namespace PdPlugin {

// The version of the options editor interface, apart from the other interfaces' so that a
// module written for PanelPlugin/1 keeps loading unchanged.
inline constexpr int optionsEditorApiVersion = 1;

// What the host gives a panel's options editor.
struct OptionsEditorContext
{
    QString kind;
    QJsonObject spec; // the panel plugin's spec, as written
    bool darkTheme = false;
    // Called with the whole spec each time the user changes it: the host previews the panel
    // with it, and writes what differs into the dashboard's text when the editor is accepted.
    std::function<void(const QJsonObject &spec)> specChanged;
};

// Level "panel", optional: a panel plugin that also implements this interface (a second
// Q_INTERFACES entry) shows its own options form in the panel editor. For kinds it returns no
// widget for, and for plugins without it, the host builds the form from the plugin's schema.
class PanelOptionsEditor
{
public:
    virtual ~PanelOptionsEditor() = default;
    virtual int optionsEditorVersion() const { return optionsEditorApiVersion; }
    // The widget (its parent owns it), or nullptr for the host's form.
    virtual QWidget *createOptionsEditor(const OptionsEditorContext &context, QWidget *parent) = 0;
};

} // namespace PdPlugin

#define PdPanelOptionsEditor_iid "dev.perses.desktop.PanelOptionsEditor/1"
Q_DECLARE_INTERFACE(PdPlugin::PanelOptionsEditor, PdPanelOptionsEditor_iid)
