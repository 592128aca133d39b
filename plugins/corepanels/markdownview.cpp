// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "markdownview.h"

namespace PdPanels {

MarkdownView::MarkdownView(const PdPlugin::PanelContext &context)
    : m_context(context)
{
    setOpenLinks(false);
    setOpenExternalLinks(false);
    setFrameShape(QFrame::NoFrame);
    viewport()->setAutoFillBackground(false);
    setStyleSheet(QStringLiteral("QTextBrowser { background: transparent; }"));
    connect(this, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        if (url.scheme() == u"http" || url.scheme() == u"https" || url.scheme() == u"mailto")
            PdPlugin::openLink(m_context, url);
    });
    setData({});
}

void MarkdownView::setData(const PdPlugin::PanelData &)
{
    QString text = m_context.spec.value(QStringLiteral("text")).toString();
    if (m_context.interpolate)
        text = m_context.interpolate(text);
    const QTextDocument::MarkdownFeatures features(QTextDocument::MarkdownDialectGitHub |
                                                   QTextDocument::MarkdownNoHTML);
    document()->setMarkdown(text, features);
}

QVariant MarkdownView::loadResource(int type, const QUrl &name)
{
    // No request leaves the app on behalf of a dashboard's text.
    if (name.scheme() == u"data")
        return QTextBrowser::loadResource(type, name);
    return {};
}

} // namespace PdPanels
