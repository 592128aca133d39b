// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QObject>

#include <perses-desktop/paneloptionseditor.h>
#include <perses-desktop/panelplugin.h>

// Panel kind "ExampleText": its spec's `text` and the number of series it was given. Its
// options editor is its own: one line for the text, named "exampleText".
class ExamplePanelPlugin : public QObject,
                           public PdPlugin::PanelPlugin,
                           public PdPlugin::PanelOptionsEditor
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID PdPanelPlugin_iid)
    Q_INTERFACES(PdPlugin::PanelPlugin PdPlugin::PanelOptionsEditor)

public:
    QList<PdPlugin::PanelKind> panelKinds() const override;
    PdPlugin::PanelView *createPanel(const PdPlugin::PanelContext &context) override;
    PdPlugin::SpecIssues validateSpec(const QString &kind, const QJsonObject &spec) const override;
    QWidget *createOptionsEditor(const PdPlugin::OptionsEditorContext &context,
                                 QWidget *parent) override;
};
