// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include "engine/core/secret.h"
#include "engine/pg/inspection.h"
#include "engine/pg/preflight.h"

#include <QObject>

#include <memory>
#include <optional>

namespace fm {
template<typename T>
class ThreadJob;
}

namespace fm::ui {

class WizardModel;

enum class ServerSide { Source, Target };

/** What the ARM lookup said about the server (Single Server GET for the source, Flexible Server GET for the target). */
struct ArmServerFacts {
    QString name;
    QString version;
    QString location;
    QString fqdn;
    QString skuTier;
    QString state;
    /** Source: azure.replication_support ("off", "replica", "logical"); empty for the target. */
    QString replicationSupport;
    /** Source: false on the Basic tier, which cannot do logical replication (azure-api.md §2). */
    bool logicalReplicationPossible = true;
    /** Emulator only: where the server really listens ("host:port"); libpq connects there instead of the FQDN. */
    QString emulatorEndpoint;
};

/**
 * @brief Source or target server page. Azure backends name the server by
 * subscription + resource group + name (or a pasted resource id, parsed into
 * those three); the direct backend by a connection URI or host/port fields.
 * testConnection() runs the ARM lookup (Azure) and then a libpq inspection on
 * its own thread (ThreadJob: the UI never waits on libpq) with pre-flight, and
 * stores the inspected server in the WizardModel for the databases page.
 *
 * The target page refuses (isComplete() false, versionBlockReason() says why) a
 * target whose major version is lower than the source's.
 */
class ServerPageModel : public QObject
{
    Q_OBJECT
public:
    ServerPageModel(WizardModel *wizard, ServerSide side, QObject *parent = nullptr);
    ~ServerPageModel() override;

    ServerSide side() const { return m_side; }
    bool usesArm() const;

    // Azure: the three parts of the resource id, checked as typed.
    QString subscriptionId() const { return m_subscriptionId; }
    void setSubscriptionId(const QString &id);
    QString resourceGroup() const { return m_resourceGroup; }
    void setResourceGroup(const QString &name);
    QString serverName() const { return m_serverName; }
    void setServerName(const QString &name);
    /** Parses a pasted id and fills the three fields; false and resourceIdError() naming the bad part otherwise. */
    bool setResourceId(const QString &text);
    /** The id from the three fields; empty while one of them is invalid. */
    QString resourceId() const;
    QString subscriptionIdError() const { return m_subscriptionError; }
    QString resourceGroupError() const { return m_resourceGroupError; }
    QString serverNameError() const { return m_serverNameError; }
    QString resourceIdError() const { return m_resourceIdError; }

    // Direct (and a host override for Azure servers reachable under another name).
    /** Fills host, port, user, database and TLS mode; a password in the URI moves to the password field. */
    bool setConnectionUri(const QString &uri);
    QString connectionUriError() const { return m_uriError; }
    QString host() const { return m_host; }
    void setHost(const QString &host);
    int port() const { return m_port; }
    void setPort(int port);
    QString database() const { return m_database; }
    void setDatabase(const QString &database);

    QString adminUser() const { return m_user; }
    void setAdminUser(const QString &user);
    void setPassword(const Secret &password);
    bool hasPassword() const { return !m_password.isEmpty(); }
    static QStringList sslModes();
    QString sslMode() const { return m_sslMode; }
    void setSslMode(const QString &mode);
    QString sslModeError() const { return m_sslModeError; }

    /** The first input problem, empty when testConnection() may run. */
    QString inputError() const;

    void testConnection();
    void cancel();

    bool isBusy() const { return m_busy; }
    QString errorText() const { return m_errorText; }
    bool isTested() const { return m_tested; }
    const std::optional<ArmServerFacts> &armFacts() const { return m_arm; }
    const std::optional<pg::ServerInfo> &serverInfo() const { return m_info; }
    const pg::PreflightReport &preflight() const { return m_report; }
    /** Major version known for this server (libpq first, else ARM); 0 when unknown. */
    int majorVersion() const;
    /** Target only: why a lower version than the source's blocks the page; empty when fine. */
    QString versionBlockReason() const;
    bool isComplete() const;

signals:
    void changed();
    void busyChanged(bool busy);
    void errorTextChanged(const QString &text);
    /** testConnection() finished (results or errorText()). */
    void tested(bool ok);

private:
    void inputsChanged();
    void armLookup();
    void connectPg();
    void onPgFinished();
    void finish(const QString &error);
    void writeSpec();
    void setBusy(bool busy);
    void setErrorText(const QString &text);
    QString label() const;

    WizardModel *m_wizard;
    ServerSide m_side;
    QString m_subscriptionId, m_resourceGroup, m_serverName;
    QString m_subscriptionError, m_resourceGroupError, m_serverNameError, m_resourceIdError;
    QString m_uriError;
    QString m_host;
    int m_port = 5432;
    QString m_database = QStringLiteral("postgres");
    QString m_user;
    Secret m_password;
    QString m_sslMode;
    QString m_sslModeError;

    bool m_busy = false;
    bool m_tested = false;
    QString m_errorText;
    std::optional<ArmServerFacts> m_arm;
    std::optional<pg::ServerInfo> m_info;
    pg::PreflightReport m_report;
    std::unique_ptr<QObject> m_run;
    std::unique_ptr<ThreadJob<pg::ServerInfo>> m_job;
};

} // namespace fm::ui
