// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "draftstore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>

namespace Pd::Gui {

QString DraftStore::folder()
{
#if defined(Q_OS_UNIX) && !defined(Q_OS_MACOS)
    QString state = qEnvironmentVariable("XDG_STATE_HOME");
    if (state.isEmpty())
        state = QDir::homePath() + QStringLiteral("/.local/state");
    return state + QStringLiteral("/perses-desktop/drafts");
#else
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) +
           QStringLiteral("/drafts");
#endif
}

QString DraftStore::pathFor(const QString &file)
{
    const QByteArray key = QFileInfo(file).absoluteFilePath().toUtf8();
    return folder() + u'/' +
           QString::fromLatin1(QCryptographicHash::hash(key, QCryptographicHash::Sha1).toHex()) +
           QStringLiteral(".json");
}

bool DraftStore::save(const QString &file, const QString &text)
{
    if (!QDir().mkpath(folder()))
        return false;
    QJsonObject draft;
    draft.insert(QStringLiteral("file"), QFileInfo(file).absoluteFilePath());
    draft.insert(QStringLiteral("savedAt"),
                 QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    draft.insert(QStringLiteral("text"), text);
    QSaveFile out(pathFor(file));
    if (!out.open(QIODevice::WriteOnly))
        return false;
    out.write(QJsonDocument(draft).toJson(QJsonDocument::Compact));
    return out.commit();
}

std::optional<DraftStore::Draft> DraftStore::load(const QString &file)
{
    QFile in(pathFor(file));
    if (!in.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QJsonObject draft = QJsonDocument::fromJson(in.readAll()).object();
    if (draft.value(QStringLiteral("file")).toString() != QFileInfo(file).absoluteFilePath())
        return std::nullopt;
    return Draft{draft.value(QStringLiteral("text")).toString(),
                 QDateTime::fromString(draft.value(QStringLiteral("savedAt")).toString(),
                                       Qt::ISODateWithMs)};
}

void DraftStore::remove(const QString &file)
{
    QFile::remove(pathFor(file));
}

} // namespace Pd::Gui
