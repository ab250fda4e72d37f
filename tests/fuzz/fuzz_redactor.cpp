// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
//
// Fuzz target: fm::Redactor (engine/core/redaction), the last line of defence
// between a Secret and a log file (DESIGN.md "Secrets never reach a log").
// Input: <secret> NUL <text>. Properties: no crash and no catastrophic regex
// time (libFuzzer -timeout); once the secret is registered, the redacted text
// (with the secret spliced in at the start, the middle and the end) never
// contains it; a fixed JWT-shaped token and a `password=` value are masked too.

#include "engine/core/redaction.h"
#include "tests/fuzz/fuzzsupport.h"

#include <QString>

#include <cstring>

using namespace fm;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *bytes = reinterpret_cast<const char *>(data);
    const char *nul = size ? static_cast<const char *>(std::memchr(bytes, 0, size)) : nullptr;
    const qsizetype secretLen = nul ? nul - bytes : 0;
    const QString secret = QString::fromUtf8(bytes, secretLen);
    const QString text = nul ? QString::fromUtf8(nul + 1, static_cast<qsizetype>(size) - secretLen - 1)
                             : QString::fromUtf8(bytes, static_cast<qsizetype>(size));

    (void)redacted(text); // patterns alone, nothing registered

    // Secrets under 4 UTF-8 bytes are deliberately not masked (redaction.cpp); a
    // '*' in the secret could be re-formed from the mask itself.
    const bool usable = secret.toUtf8().size() >= 4 && !secret.contains(QLatin1Char('*'));
    if (!usable)
        return 0;
    Redactor::instance().addSecret(secret);
    const QString half = text.left(text.size() / 2);
    const QString spliced = secret + text + half + secret + text.mid(half.size()) + secret;
    const QString out = redacted(spliced);
    Redactor::instance().removeSecret(secret);
    if (out.contains(secret)) {
        std::fprintf(stderr, "secret: %s\nout: %s\n", qPrintable(secret), qPrintable(out));
        fuzz::failed("a registered secret survived redaction");
    }

    const QString jwt = QStringLiteral("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJmdXp6In0.c2lnbmF0dXJl");
    if (redacted(text + QLatin1Char(' ') + jwt).contains(jwt))
        fuzz::failed("a bearer JWT survived redaction");
    return 0;
}
