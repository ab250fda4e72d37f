// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "wizard/pages/optionspage.h"

#include "wizard/pages/pagehelpers.h"
#include "wizard/viewmodels/optionspagemodel.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>
#include <QSpinBox>
#include <QTimer>
#include <QVBoxLayout>

namespace fm::ui {

using namespace pages;

OptionsPage::OptionsPage(OptionsPageModel *model, QWidget *parent) : QWizardPage(parent), m_model(model)
{
    setTitle(tr("Options"));
    setSubTitle(tr("Name the migration and choose how and when it runs."));

    m_name = new QLineEdit(this);
    m_name->setAccessibleName(tr("Migration name"));
    m_nameMessage = makeMessageLabel(this, tr("Migration name problem"));
    // Ask ARM about the name once typing pauses, not on every key.
    m_nameCheck = new QTimer(this);
    m_nameCheck->setSingleShot(true);
    m_nameCheck->setInterval(600);
    m_replication = new QCheckBox(tr("Set up &logical replication on the source if it needs it"), this);
    m_replication->setAccessibleName(tr("Set up logical replication on the source"));
    m_replicationNote = new QLabel(this);
    // One line: a word-wrapped label in a form row reserves height for a narrow width and leaves a gap.
    m_replicationNote->setWordWrap(false);
    m_replicationNote->setAccessibleName(tr("What setting up replication does"));
    m_overwrite = new QCheckBox(tr("O&verwrite databases that already exist on the target"), this);
    m_overwrite->setAccessibleName(tr("Overwrite target databases"));
    m_startNow = new QRadioButton(tr("Start no&w"), this);
    m_startNow->setAccessibleName(tr("Start now"));
    m_startAt = new QRadioButton(tr("Start &at (UTC):"), this);
    m_startAt->setAccessibleName(tr("Start at a time"));
    auto *group = new QButtonGroup(this);
    group->addButton(m_startNow);
    group->addButton(m_startAt);
    m_startTime = new QDateTimeEdit(this);
    m_startTime->setTimeSpec(Qt::UTC);
    m_startTime->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
    m_startTime->setCalendarPopup(true);
    m_startTime->setMinimumWidth(m_startTime->fontMetrics().horizontalAdvance(QStringLiteral("0000-00-00 00:00 UTC")) + 48);
    m_startTime->setAccessibleName(tr("Start time in UTC"));
    m_startMessage = makeMessageLabel(this, tr("Start time problem"));
    m_cutover = new QComboBox(this);
    m_cutover->setAccessibleName(tr("Cutover"));
    m_cutover->addItem(tr("Manual — I press Cutover when the target has caught up"), int(migration::CutoverMode::Manual));
    m_cutover->addItem(tr("Automatic — as soon as every database is ready"), int(migration::CutoverMode::Automatic));
    m_jobs = new QSpinBox(this);
    m_jobs->setRange(1, 32);
    m_jobs->setAccessibleName(tr("Copy jobs"));
    m_jobsMessage = makeMessageLabel(this, tr("Copy jobs problem"));
    // DMS runs inside the user's virtual network (the seed: the service is deployed into a subnet
    // that can reach both servers), so the dms backend needs the subnet's resource id.
    m_dmsSubnet = new QLineEdit(this);
    m_dmsSubnet->setAccessibleName(tr("DMS subnet resource id"));
    m_dmsSubnet->setPlaceholderText(QStringLiteral("/subscriptions/…/resourceGroups/…/providers/Microsoft.Network/virtualNetworks/…/subnets/…"));
    m_dmsSubnetMessage = makeMessageLabel(this, tr("DMS subnet problem"));

    auto *form = new QFormLayout;
    form->addRow(buddyLabel(tr("Migration na&me:"), m_name, this), m_name);
    form->addRow(QString(), m_nameMessage);
    form->addRow(QString(), m_replication);
    form->addRow(QString(), m_replicationNote);
    form->addRow(QString(), m_overwrite);
    auto *startRow = new QHBoxLayout;
    startRow->addWidget(m_startNow);
    startRow->addWidget(m_startAt);
    startRow->addWidget(m_startTime);
    startRow->addStretch();
    form->addRow(new QLabel(tr("Start:"), this), startRow);
    form->addRow(QString(), m_startMessage);
    form->addRow(buddyLabel(tr("C&utover:"), m_cutover, this), m_cutover);
    m_jobsLabel = buddyLabel(tr("Copy &jobs:"), m_jobs, this);
    form->addRow(m_jobsLabel, m_jobs);
    form->addRow(QString(), m_jobsMessage);
    m_dmsSubnetLabel = buddyLabel(tr("DMS subn&et:"), m_dmsSubnet, this);
    form->addRow(m_dmsSubnetLabel, m_dmsSubnet);
    form->addRow(QString(), m_dmsSubnetMessage);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addStretch();

    setTabOrder(m_name, m_replication);
    setTabOrder(m_replication, m_overwrite);
    setTabOrder(m_overwrite, m_startNow);
    setTabOrder(m_startNow, m_startAt);
    setTabOrder(m_startAt, m_startTime);
    setTabOrder(m_startTime, m_cutover);
    setTabOrder(m_cutover, m_jobs);
    setTabOrder(m_jobs, m_dmsSubnet);

    connect(m_name, &QLineEdit::textEdited, this, [this](const QString &t) {
        m_model->setName(t);
        m_nameCheck->start();
    });
    connect(m_nameCheck, &QTimer::timeout, this, [this] {
        // The answer for this very name is already in (every edit resets it to Unknown): no second request.
        if (m_model->availability() == OptionsPageModel::Availability::Unknown)
            m_model->checkNameAvailability();
    });
    connect(m_replication, &QCheckBox::toggled, model, &OptionsPageModel::setSetupLogicalReplication);
    connect(m_overwrite, &QCheckBox::toggled, model, &OptionsPageModel::setOverwriteTargetDatabases);
    connect(m_startNow, &QRadioButton::toggled, this, &OptionsPage::applyStart);
    connect(m_startTime, &QDateTimeEdit::dateTimeChanged, this, &OptionsPage::applyStart);
    connect(m_cutover, &QComboBox::currentIndexChanged, this, [this] { m_model->setCutover(migration::CutoverMode(m_cutover->currentData().toInt())); });
    connect(m_jobs, &QSpinBox::valueChanged, model, &OptionsPageModel::setJobs);
    connect(m_dmsSubnet, &QLineEdit::textEdited, model, &OptionsPageModel::setDmsSubnetId);
    connect(model, &OptionsPageModel::changed, this, &OptionsPage::update);
    load();
}

void OptionsPage::initializePage()
{
    // A name to start from, so Next is one keystroke away; the user may change it.
    if (m_model->name().isEmpty())
        m_model->setName(QStringLiteral("migration-%1").arg(QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmm"))));
    load();
    m_model->checkNameAvailability();
}

void OptionsPage::load()
{
    setTextQuietly(m_name, m_model->name());
    const QSignalBlocker a(m_replication), b(m_overwrite), c(m_startNow), d(m_startAt), e(m_startTime), f(m_cutover), g(m_jobs);
    m_replication->setChecked(m_model->setupLogicalReplication());
    m_overwrite->setChecked(m_model->overwriteTargetDatabases());
    const QDateTime start = m_model->startTimeUtc();
    m_startNow->setChecked(!start.isValid());
    m_startAt->setChecked(start.isValid());
    m_startTime->setDateTime(start.isValid() ? start : QDateTime::currentDateTimeUtc().addSecs(3600));
    m_cutover->setCurrentIndex(m_cutover->findData(int(m_model->cutover())));
    m_jobs->setValue(m_model->jobs());
    setTextQuietly(m_dmsSubnet, m_model->dmsSubnetId());
    update();
}

void OptionsPage::applyStart()
{
    m_model->setStartTimeUtc(m_startAt->isChecked() ? m_startTime->dateTime().toUTC() : QDateTime());
}

void OptionsPage::update()
{
    QString nameText = m_model->nameError();
    bool nameProblem = !nameText.isEmpty();
    if (nameText.isEmpty()) {
        switch (m_model->availability()) {
        case OptionsPageModel::Availability::Checking: nameText = tr("Checking whether the name is free on the target…"); break;
        case OptionsPageModel::Availability::Available: nameText = tr("✓ The name is free on the target."); break;
        case OptionsPageModel::Availability::Taken: nameText = m_model->availabilityText(); nameProblem = true; break;
        case OptionsPageModel::Availability::CheckFailed: nameText = m_model->availabilityText(); break;
        case OptionsPageModel::Availability::Unknown: break;
        }
    }
    showMessage(m_nameMessage, nameText, nameProblem);
    m_replicationNote->setText(m_model->setupReplicationNote());
    m_startTime->setEnabled(m_startAt->isChecked());
    showMessage(m_startMessage, m_model->startTimeError());
    showMessage(m_jobsMessage, m_model->jobsError());
    // Copy jobs are the direct engine's; the Azure services choose their own parallelism.
    const bool direct = m_model->jobsApply();
    m_jobs->setVisible(direct);
    m_jobsLabel->setVisible(direct);
    const bool dms = m_model->dmsSubnetApplies();
    m_dmsSubnet->setVisible(dms);
    m_dmsSubnetLabel->setVisible(dms);
    showMessage(m_dmsSubnetMessage, dms ? m_model->dmsSubnetError() : QString());
    emit completeChanged();
}

bool OptionsPage::isComplete() const
{
    return m_model->isComplete();
}

} // namespace fm::ui
