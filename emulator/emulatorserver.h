// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include "emulator/emulator.h"

#include <QAbstractHttpServer>
#include <QHostAddress>

namespace fm::emulator {

/**
 * @brief The socket side: Qt HttpServer on loopback, feeding Emulator::handle().
 *
 * Answers are written raw to the socket (status line, headers, body) so any
 * header can be set and faults can drop the connection or hold the answer back.
 */
class EmulatorServer : public QAbstractHttpServer
{
    Q_OBJECT
public:
    explicit EmulatorServer(Emulator *emulator, QObject *parent = nullptr);

    /** Loopback addresses only (issue 5); returns the bound port or an error. */
    Expected<quint16> listenOn(const QHostAddress &address, quint16 port);
    QString baseUrl() const { return m_baseUrl; }
    qint64 requestCount() const { return m_requests; }

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    Emulator *m_emulator;
    QString m_baseUrl;
    qint64 m_requests = 0;
};

} // namespace fm::emulator
