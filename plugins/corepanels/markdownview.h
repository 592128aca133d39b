// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QTextBrowser>

#include <perses-desktop/panelplugin.h>

namespace PdPanels {

// Markdown (§11.1): the text with variables interpolated, rendered as CommonMark without raw
// HTML. Links open in the browser only when clicked; images load only from data: URLs, never
// from the network; there is no script to run.
class MarkdownView : public QTextBrowser, public PdPlugin::PanelView
{
    Q_OBJECT

public:
    explicit MarkdownView(const PdPlugin::PanelContext &context);

    QWidget *widget() override { return this; }
    void setData(const PdPlugin::PanelData &data) override;
    bool hasContent() const override { return true; }
    QVariant loadResource(int type, const QUrl &name) override;

private:
    PdPlugin::PanelContext m_context;
};

} // namespace PdPanels
