// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
// Shared by the typed-client tests: an HttpClient over the fake network manager
// (no sleeping: every planned wait is recorded and skipped) and a helper that
// runs the event loop until a callback API answers.
#pragma once

#include "engine/arm/armclient.h"
#include "engine/arm/jsonutil.h"
#include "engine/http/httpclient.h"
#include "tests/engine/http/fakecredential.h"
#include "tests/support/fakenetworkaccessmanager.h"

#include <QEventLoop>
#include <QFile>
#include <QTimer>

#include <memory>

namespace fm::test {

inline const QString kSub = QStringLiteral("ffffffff-ffff-ffff-ffff-ffffffffffff");
inline const QString kArm = QStringLiteral("https://management.azure.com");

struct ClientFixture {
    FakeNetworkAccessManager nam;
    std::shared_ptr<FakeCredential> credential = std::make_shared<FakeCredential>();
    http::CloudProfile profile = http::CloudProfile::azureCloud();
    QList<int> waits;
    std::unique_ptr<http::HttpClient> http;

    ClientFixture()
    {
        http::HttpClient::Options o;
        o.scopes = {profile.scope()};
        o.delayHook = [this](int ms) {
            waits.append(ms);
            return 0;
        };
        http = std::make_unique<http::HttpClient>(&nam, credential, o);
    }
};

inline QByteArray testData(const QString &relative)
{
    QFile f(QStringLiteral(FM_TEST_DATA_DIR "/") + relative);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing test data %s", qPrintable(relative));
    return f.readAll();
}

/**
 * "STATUS [FILE] [| Header: value]..." -> a FakeResponse; FILE is relative to
 * tests/data, "-" or nothing for an empty body, "raw:TEXT" for a literal body.
 */
inline FakeResponse responseFrom(const QString &spec)
{
    const QStringList parts = spec.split(QStringLiteral(" | "));
    const QString head = parts.value(0).trimmed();
    const qsizetype space = head.indexOf(QLatin1Char(' '));
    const int status = head.left(space < 0 ? head.size() : space).toInt();
    const QString file = space < 0 ? QString() : head.mid(space + 1).trimmed();
    FakeResponse r = file.isEmpty() || file == QLatin1String("-") ? FakeResponse::empty(status)
        : file.startsWith(QLatin1String("raw:"))                   ? FakeResponse::json(status, file.mid(4).toUtf8())
                                                                    : FakeResponse::json(status, testData(file));
    for (int i = 1; i < parts.size(); ++i) {
        const qsizetype colon = parts[i].indexOf(QLatin1Char(':'));
        r.header(parts[i].left(colon).trimmed().toLatin1(), parts[i].mid(colon + 1).trimmed().toLatin1());
    }
    return r;
}

/** Starts a callback API and spins the event loop until it answers (10 s at most). */
template<typename T>
Expected<T> await(const std::function<void(QObject *, arm::Callback<T>)> &start)
{
    QObject context;
    std::optional<Expected<T>> out;
    QEventLoop loop;
    start(&context, [&](Expected<T> v) {
        out = std::move(v);
        loop.quit();
    });
    if (!out) {
        QTimer::singleShot(10000, &loop, &QEventLoop::quit);
        loop.exec();
    }
    if (!out)
        return fail(Error::internal(QStringLiteral("test: no answer within 10 s")));
    return std::move(*out);
}

/** Canonical JSON text of a body (key order and spacing normalised), empty for no body. */
inline QString canonicalJson(const QByteArray &text)
{
    if (text.trimmed().isEmpty())
        return {};
    auto j = arm::jsonutil::parse(text, QStringLiteral("body"));
    return j ? QString::fromStdString(j->dump()) : QStringLiteral("<not json: %1>").arg(QString::fromUtf8(text));
}

} // namespace fm::test
