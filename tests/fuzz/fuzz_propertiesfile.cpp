// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
//
// Fuzz target: the az CLI properties-file reader (engine/arm/propertiesfile).
// Properties: no crash, no exception; and a file that parses writes back (in
// its own format) to text that parses again to the same format — what the
// wizard's export and `migration create --properties` rely on. Seeds:
// tests/data/arm/properties.

#include "engine/arm/propertiesfile.h"
#include "tests/fuzz/fuzzsupport.h"

#include <QByteArray>

using namespace fm;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray text(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    auto file = arm::PropertiesFile::parse(text);
    if (!file) {
        if (file.error().message.isEmpty())
            fuzz::failed("a rejected properties file must say why");
        return 0;
    }
    const QByteArray written = arm::PropertiesFile::write(file->request, file->format);
    auto again = arm::PropertiesFile::parse(written);
    if (!again) {
        std::fprintf(stderr, "rewritten file rejected: %s\n%s\n", qPrintable(again.error().message), written.constData());
        fuzz::failed("a parsed properties file must write back to a parseable file");
    }
    if (again->format != file->format)
        fuzz::failed("the rewritten file must keep its format");
    return 0;
}
