// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "dashboardbundle.h"

#include "duration.h"
#include "modeldecoder.h"
#include "resourcefile.h"

#include <algorithm>

namespace Pd {

std::optional<std::string> DashboardBundle::addFile(const SourcedPath &path, bool withDashboards)
{
    const ResourceFile file = path.read();
    if (file.hasErrors()) {
        for (const Diagnostic &d : file.diagnostics) {
            if (d.isError())
                errors.push_back(d);
        }
        return "cannot read " + path.displayName();
    }
    for (const LoadedResource &resource : file.resources) {
        std::optional<Model::Resource> decoded = ModelDecoder::decode(resource);
        if (!decoded)
            continue;
        if (auto *dashboard = std::get_if<Model::Dashboard>(&*decoded); dashboard) {
            if (withDashboards) {
                dashboards.push_back(std::move(*dashboard));
                dashboardFiles.push_back(path.displayName());
            }
        } else if (auto *datasource = std::get_if<Model::Datasource>(&*decoded)) {
            datasources.push_back(std::move(*datasource));
        } else if (auto *variable = std::get_if<Model::Variable>(&*decoded)) {
            variables.push_back(std::move(*variable));
        }
    }
    return std::nullopt;
}

std::optional<std::string> DashboardBundle::add(const SourcedPath &path, bool withDashboards,
                                                bool skipUnreadable)
{
    switch (path.source->entryType(path.path)) {
    case ResourceSource::EntryType::Missing:
        return path.displayName() + ": no such file or directory";
    case ResourceSource::EntryType::File:
        return addFile(path, withDashboards);
    case ResourceSource::EntryType::Folder:
        break;
    }
    for (std::string &file : path.source->collectFiles(path.path)) {
        if (auto problem = addFile({path.source, std::move(file)}, withDashboards);
            problem && !skipUnreadable)
            return problem;
    }
    return std::nullopt;
}

std::optional<std::string> DashboardBundle::pick(const std::string &name,
                                                 Model::Dashboard &dashboard) const
{
    if (dashboards.empty())
        return std::string("no dashboard found");
    if (name.empty()) {
        if (dashboards.size() == 1) {
            dashboard = dashboards.front();
            return std::nullopt;
        }
        std::string names;
        for (const Model::Dashboard &d : dashboards)
            names += (names.empty() ? "" : ", ") + d.metadata.name;
        return "the file holds several dashboards; pick one with --dashboard (" + names + ")";
    }
    for (const Model::Dashboard &d : dashboards) {
        if (d.metadata.name == name) {
            dashboard = d;
            return std::nullopt;
        }
    }
    return "no dashboard named '" + name + "' in the file";
}

std::optional<std::string>
DashboardBundle::parseVariables(const std::vector<std::string> &arguments,
                                const Model::Dashboard &dashboard,
                                std::map<std::string, VariableValue> &values) const
{
    auto allowsMultiple = [&](const std::string &name) {
        if (const Model::VariableSpec *spec = dashboard.spec.variable(name))
            return spec->allowMultiple;
        return std::any_of(variables.begin(), variables.end(), [&](const Model::Variable &v) {
            return v.spec.name == name && v.spec.allowMultiple;
        });
    };
    for (const std::string &argument : arguments) {
        const std::size_t equals = argument.find('=');
        if (equals == std::string::npos || equals == 0)
            return "--var expects NAME=VALUE, got '" + argument + "'";
        const std::string name = argument.substr(0, equals);
        std::string_view rest = std::string_view(argument).substr(equals + 1);
        if (!allowsMultiple(name)) {
            values[name] = VariableValue::single(std::string(rest));
            continue;
        }
        std::vector<std::string> parts;
        while (true) {
            const std::size_t comma = rest.find(',');
            parts.emplace_back(rest.substr(0, comma));
            if (comma == std::string_view::npos)
                break;
            rest.remove_prefix(comma + 1);
        }
        values[name] = VariableValue::list(std::move(parts));
    }
    return std::nullopt;
}

std::optional<std::string> DashboardBundle::parseRange(const std::string &from,
                                                       const std::string &to,
                                                       const Model::Dashboard &dashboard,
                                                       TimeRange &range)
{
    const std::int64_t now = currentTimeMs();
    const TimePointParse end = parseTimePoint(to, now);
    if (!end.ms)
        return "--to: " + end.error;
    if (from.empty()) {
        const DurationParse duration = parseDuration(dashboard.spec.duration);
        if (!duration.isValid())
            return "the dashboard's duration: " + duration.error;
        range = TimeRange::last(*duration.milliseconds, *end.ms);
    } else {
        const TimePointParse start = parseTimePoint(from, now);
        if (!start.ms)
            return "--from: " + start.error;
        range = TimeRange{*start.ms, *end.ms};
    }
    if (!range.isValid())
        return std::string("the time range is empty: --from must be before --to");
    return std::nullopt;
}

} // namespace Pd
