// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "diagnosticformatter.h"

#include "jsonwriter.h"

namespace Pd::Cli {

namespace {

// GitHub workflow commands escape %, CR and LF in data, and also : and , in properties.
std::string escapeGithub(std::string_view text, bool property)
{
    std::string out;
    for (char c : text) {
        switch (c) {
        case '%':
            out += "%25";
            break;
        case '\r':
            out += "%0D";
            break;
        case '\n':
            out += "%0A";
            break;
        case ':':
            out += property ? "%3A" : ":";
            break;
        case ',':
            out += property ? "%2C" : ",";
            break;
        default:
            out += c;
        }
    }
    return out;
}

std::string githubCommand(Severity severity)
{
    switch (severity) {
    case Severity::Error:
        return "error";
    case Severity::Warning:
        return "warning";
    case Severity::Info:
        return "notice";
    }
    return "error";
}

} // namespace

std::string DiagnosticFormatter::text(const Diagnostic &d)
{
    return d.file + ':' + std::to_string(d.pos.line) + ':' + std::to_string(d.pos.column) + ": " +
           std::string(severityName(d.severity)) + ": " + d.message + " [" + d.rule + ']';
}

std::string DiagnosticFormatter::json(const Diagnostic &d)
{
    std::string out = "{\"file\": ";
    JsonWriter::appendString(out, d.file);
    out += ", \"line\": " + std::to_string(d.pos.line);
    out += ", \"column\": " + std::to_string(d.pos.column);
    out += ", \"severity\": ";
    JsonWriter::appendString(out, severityName(d.severity));
    out += ", \"rule\": ";
    JsonWriter::appendString(out, d.rule);
    out += ", \"message\": ";
    JsonWriter::appendString(out, d.message);
    out += ", \"path\": ";
    JsonWriter::appendString(out, d.path);
    out += '}';
    return out;
}

std::string DiagnosticFormatter::github(const Diagnostic &d)
{
    return "::" + githubCommand(d.severity) + " file=" + escapeGithub(d.file, true) +
           ",line=" + std::to_string(d.pos.line) + ",col=" + std::to_string(d.pos.column) +
           ",title=" + escapeGithub(d.rule, true) + "::" + escapeGithub(d.message, false);
}

std::string DiagnosticFormatter::format(OutputFormat format, const Diagnostic &diagnostic)
{
    switch (format) {
    case OutputFormat::Text:
        return text(diagnostic);
    case OutputFormat::Json:
        return json(diagnostic);
    case OutputFormat::Github:
        return github(diagnostic);
    }
    return text(diagnostic);
}

} // namespace Pd::Cli
