// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "credentialstore.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>
#include <qt6keychain/keychain.h>

namespace Pd {

namespace {

const QString service = QStringLiteral("perses-desktop");

QByteArray encode(const AuthTokens &tokens)
{
    return QJsonDocument(
               QJsonObject{
                   {QStringLiteral("access_token"), QString::fromUtf8(tokens.accessToken)},
                   {QStringLiteral("refresh_token"), QString::fromUtf8(tokens.refreshToken)}})
        .toJson(QJsonDocument::Compact);
}

AuthTokens decode(const QByteArray &data)
{
    const QJsonObject object = QJsonDocument::fromJson(data).object();
    AuthTokens tokens =
        AuthTokens::fromAccessToken(object.value(u"access_token").toString().toUtf8());
    tokens.refreshToken = object.value(u"refresh_token").toString().toUtf8();
    tokens.refreshExpiry = AuthTokens::fromAccessToken(tokens.refreshToken).accessExpiry;
    return tokens;
}

} // namespace

CredentialStore &CredentialStore::instance()
{
    static CredentialStore store;
    return store;
}

QString CredentialStore::key(const ServerConnection &connection)
{
    return connection.url + u'\n' + connection.username;
}

void CredentialStore::keyringFailed(const QString &problem)
{
    if (!m_persistent)
        return;
    m_persistent = false;
    m_problem = problem;
    emit persistenceChanged();
}

void CredentialStore::store(const ServerConnection &connection, const AuthTokens &tokens)
{
    storeSecret(key(connection), encode(tokens));
}

void CredentialStore::read(const ServerConnection &connection, const ReadHandler &handler)
{
    readSecret(key(connection), [handler](const QByteArray &value) { handler(decode(value)); });
}

void CredentialStore::forget(const ServerConnection &connection)
{
    forgetSecret(key(connection));
}

void CredentialStore::storeSecret(const QString &id, const QByteArray &value)
{
    m_memory.insert(id, value);
    if (!m_persistent)
        return;
    auto *job = new QKeychain::WritePasswordJob(service, this);
    job->setKey(id);
    job->setBinaryData(value);
    ++m_pendingWrites;
    connect(job, &QKeychain::Job::finished, this, [this, job] {
        --m_pendingWrites;
        if (job->error() != QKeychain::NoError)
            keyringFailed(job->errorString());
        emit writesFinished();
    });
    job->start();
}

void CredentialStore::waitForWrites(std::chrono::milliseconds timeout)
{
    if (m_pendingWrites == 0)
        return;
    QEventLoop loop;
    QTimer::singleShot(timeout, &loop, &QEventLoop::quit);
    connect(this, &CredentialStore::writesFinished, &loop, [this, &loop] {
        if (m_pendingWrites == 0)
            loop.quit();
    });
    loop.exec();
}

void CredentialStore::readSecret(const QString &id, const SecretHandler &handler)
{
    if (!m_persistent || m_memory.contains(id)) {
        handler(m_memory.value(id));
        return;
    }
    auto *job = new QKeychain::ReadPasswordJob(service, this);
    job->setKey(id);
    connect(job, &QKeychain::Job::finished, this, [this, job, id, handler] {
        if (job->error() == QKeychain::NoError) {
            m_memory.insert(id, job->binaryData());
            handler(job->binaryData());
            return;
        }
        if (job->error() != QKeychain::EntryNotFound)
            keyringFailed(job->errorString());
        handler({});
    });
    job->start();
}

void CredentialStore::forgetSecret(const QString &id)
{
    m_memory.remove(id);
    if (!m_persistent)
        return;
    auto *job = new QKeychain::DeletePasswordJob(service, this);
    job->setKey(id);
    ++m_pendingWrites; // a removal, waited for at quit like a write
    connect(job, &QKeychain::Job::finished, this, [this] {
        --m_pendingWrites;
        emit writesFinished();
    });
    job->start();
}

} // namespace Pd
