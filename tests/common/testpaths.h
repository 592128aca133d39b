// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QStringList>

#include <string>
#include <utility>
#include <vector>

// Paths of test inputs, fixed at configure time.
namespace PdTest {

inline QString conformance(const QString &relative = {})
{
    return QStringLiteral(PD_CONFORMANCE_DIR "/") + relative;
}

inline QString testData(const QString &relative = {})
{
    return QStringLiteral(PD_TEST_DATA_DIR "/") + relative;
}

// Files below `folder` whose names match `pattern`, sorted. None at all means the inputs
// moved, and a data-driven test would pass with no rows: that stops the test instead.
inline QStringList filesBelow(const QString &folder,
                              const QString &pattern = QStringLiteral("*.json"))
{
    QStringList files;
    QDirIterator it(folder, {pattern}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << it.next();
    if (files.isEmpty())
        qFatal("no test inputs %s below %s", qPrintable(pattern), qPrintable(folder));
    files.sort();
    return files;
}

// Whole files as bytes, for tests that write inputs and check outputs.
inline bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
           file.write(content) == content.size();
}

inline QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

inline std::string readText(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray bytes = file.readAll();
    return std::string(bytes.constData(), static_cast<std::size_t>(bytes.size()));
}

// `text` with each `from` replaced by its `to`, first occurrence; a replacement that finds
// nothing is a broken test and stops it.
inline std::string edited(std::string text,
                          const std::vector<std::pair<std::string, std::string>> &edits)
{
    for (const auto &[from, to] : edits) {
        const std::size_t at = text.find(from);
        if (at == std::string::npos)
            qFatal("edit not found: %s", from.c_str());
        text.replace(at, from.size(), to);
    }
    return text;
}

} // namespace PdTest
