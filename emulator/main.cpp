// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
//
// flexmigrate-azure-emulator --config FILE [--port 0] [--host 127.0.0.1] [--verbose]
// Prints "port N" and "ready http://127.0.0.1:N" on stdout once it listens;
// stops on SIGINT/SIGTERM (cancelling running migrations and cleaning up).
#include "emulator/emulator.h"
#include "emulator/emulatorserver.h"

#include "engine/core/logging.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSocketNotifier>
#include <QTextStream>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace {

int g_signalFd[2] = {-1, -1};

void onSignal(int)
{
    const char c = 1;
    [[maybe_unused]] auto n = ::write(g_signalFd[0], &c, 1);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("flexmigrate-azure-emulator"));
    QCoreApplication::setOrganizationName(QStringLiteral("FlexMigrate"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Local Azure (AAD token, ARM) endpoints that run PostgreSQL migrations for real. See docs/emulator.md."));
    parser.addHelpOption();
    QCommandLineOption config(QStringLiteral("config"), QStringLiteral("The JSON configuration file."), QStringLiteral("file"));
    QCommandLineOption port(QStringLiteral("port"), QStringLiteral("TCP port; 0 picks a free one (default)."), QStringLiteral("port"), QStringLiteral("0"));
    QCommandLineOption host(QStringLiteral("host"), QStringLiteral("Loopback address to listen on (default 127.0.0.1)."), QStringLiteral("address"),
                            QStringLiteral("127.0.0.1"));
    QCommandLineOption verbose(QStringLiteral("verbose"), QStringLiteral("Log every request to stderr too."));
    parser.addOptions({config, port, host, verbose});
    parser.process(app);

    QTextStream out(stdout);
    QTextStream err(stderr);
    if (!parser.isSet(config)) {
        err << "flexmigrate-azure-emulator: --config FILE is required.\n";
        return 2;
    }
    bool ok = false;
    const int portNumber = parser.value(port).toInt(&ok);
    if (!ok || portNumber < 0 || portNumber > 65535) {
        err << "flexmigrate-azure-emulator: --port must be a number between 0 and 65535.\n";
        return 2;
    }
    QHostAddress address;
    if (!address.setAddress(parser.value(host))) {
        err << "flexmigrate-azure-emulator: --host must be an IP address (got \"" << parser.value(host) << "\").\n";
        return 2;
    }

    fm::logging::Options logOptions;
    logOptions.console = parser.isSet(verbose);
    fm::logging::init(logOptions);

    auto cfg = fm::emulator::EmulatorConfig::load(parser.value(config));
    if (!cfg) {
        err << "flexmigrate-azure-emulator: " << cfg.error().message << '\n';
        return 2;
    }
    fm::emulator::Emulator emulator(std::move(*cfg));
    fm::emulator::EmulatorServer server(&emulator);
    auto bound = server.listenOn(address, quint16(portNumber));
    if (!bound) {
        err << "flexmigrate-azure-emulator: " << bound.error().message << '\n';
        return 2;
    }

    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalFd) == 0) {
        auto *notifier = new QSocketNotifier(g_signalFd[1], QSocketNotifier::Read, &app);
        QObject::connect(notifier, &QSocketNotifier::activated, &app, [&] {
            char c;
            [[maybe_unused]] auto n = ::read(g_signalFd[1], &c, 1);
            fm::logging::get("emulator")->info("stopping: cancelling running migrations");
            emulator.shutdown();
            QCoreApplication::quit();
        });
        std::signal(SIGINT, onSignal);
        std::signal(SIGTERM, onSignal);
    }

    fm::logging::get("emulator")->info("listening on {}", server.baseUrl());
    out << "port " << *bound << '\n' << "ready " << server.baseUrl() << '\n';
    out.flush();
    return app.exec();
}
