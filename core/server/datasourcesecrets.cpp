// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "datasourcesecrets.h"

#include "credentialstore.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QPointer>
#include <QTimer>

#include <memory>

namespace Pd {

void DatasourceSecrets::fillFrom(const DatasourceOverrides &known, DatasourceOverrides &target)
{
    const auto all = target.all(); // a copy: each is set again below
    for (const auto &[name, value] : all) {
        const DatasourceOverrides::Override *filled = known.find(name);
        if (value.secretHeaders.empty() || !filled)
            continue;
        DatasourceOverrides::Override withValues = value;
        for (const auto &[header, text] : filled->headers) {
            if (value.isSecret(header))
                withValues.headers.emplace_back(header, text);
        }
        target.set(name, std::move(withValues));
    }
}

namespace {

// One secret, waited for. A keyring that does not answer within 10 s leaves it out; the
// answer may still come later, so what the handler writes to is shared, not this frame's.
QByteArray readWaiting(CredentialStore &store, const QString &key)
{
    struct Wait
    {
        QByteArray value;
        bool answered = false;
        QPointer<QEventLoop> loop;
    };
    auto wait = std::make_shared<Wait>();
    store.readSecret(key, [wait](const QByteArray &read) {
        wait->value = read;
        wait->answered = true;
        if (wait->loop)
            wait->loop->quit();
    });
    if (!wait->answered) {
        QEventLoop loop;
        wait->loop = &loop;
        QTimer::singleShot(std::chrono::seconds(10), &loop, &QEventLoop::quit);
        loop.exec();
    }
    return wait->value;
}

} // namespace

QString DatasourceSecrets::key(const std::string &datasource, const std::string &header)
{
    return QStringLiteral("datasource\n%1\n%2")
        .arg(QString::fromStdString(datasource), QString::fromStdString(header));
}

void DatasourceSecrets::store(const DatasourceOverrides &after, const DatasourceOverrides &before)
{
    CredentialStore &store = CredentialStore::instance();
    for (const auto &[name, value] : after.all()) {
        for (const auto &[header, text] : value.headers) {
            if (value.isSecret(header))
                store.storeSecret(key(name, header), QByteArray::fromStdString(text));
        }
    }
    for (const auto &[name, value] : before.all()) {
        const DatasourceOverrides::Override *kept = after.find(name);
        for (const std::string &header : value.secretHeaders) {
            if (!kept || !kept->isSecret(header))
                store.forgetSecret(key(name, header));
        }
    }
}

void DatasourceSecrets::fill(DatasourceOverrides &overrides)
{
    // The keyring answers through the event loop: without an application there is none (the
    // window fills them once its application exists).
    if (!QCoreApplication::instance())
        return;
    CredentialStore &store = CredentialStore::instance();
    const auto all = overrides.all(); // a copy: each is set again below
    for (const auto &[name, value] : all) {
        if (value.secretHeaders.empty())
            continue;
        DatasourceOverrides::Override filled = value;
        for (const std::string &header : value.secretHeaders) {
            const QByteArray secret = readWaiting(store, key(name, header));
            if (!secret.isEmpty())
                filled.headers.emplace_back(header, secret.toStdString());
        }
        overrides.set(name, std::move(filled));
    }
}

} // namespace Pd
