// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
//
// Fuzz target: the ARM resource-id parser and name checks (engine/arm/resourceid).
// Properties: no crash; an id that parses prints (toString) to an id that parses
// to an equal id of the same type and name; parent() of a resource never grows.

#include "engine/arm/resourceid.h"
#include "tests/fuzz/fuzzsupport.h"

#include <QString>

using namespace fm;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    (void)arm::ResourceId::checkSubscriptionId(text);
    (void)arm::ResourceId::checkResourceGroupName(text);
    (void)arm::ResourceId::checkServerName(text);
    (void)arm::ResourceId::checkMigrationName(text);
    (void)arm::ResourceId::parseOfType(text, QStringLiteral("Microsoft.DBforPostgreSQL/flexibleServers"), QStringLiteral("Target"));
    auto id = arm::ResourceId::parse(text);
    if (!id) {
        if (id.error().message.isEmpty())
            fuzz::failed("a rejected resource id must say why");
        return 0;
    }
    const QString printed = id->toString();
    auto again = arm::ResourceId::parse(printed);
    if (!again) {
        std::fprintf(stderr, "input: %s\nprinted: %s\nerror: %s\n", qPrintable(text), qPrintable(printed), qPrintable(again.error().message));
        fuzz::failed("a parsed resource id must print to a parseable id");
    }
    if (!(*again == *id) || again->name() != id->name() || again->resourceType().compare(id->resourceType(), Qt::CaseInsensitive) != 0)
        fuzz::failed("parse(toString(id)) must equal id");
    if (id->parent().toString().size() > printed.size())
        fuzz::failed("parent() must not be longer than the id");
    return 0;
}
