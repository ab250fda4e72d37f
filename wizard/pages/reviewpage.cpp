// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "wizard/pages/reviewpage.h"

#include "wizard/pages/pagehelpers.h"
#include "wizard/viewmodels/reviewpagemodel.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace fm::ui {

using namespace pages;

ReviewPage::ReviewPage(ReviewPageModel *model, QWidget *parent) : QWizardPage(parent), m_model(model)
{
    setTitle(tr("Review"));
    setSubTitle(tr("This is exactly what will run. Secrets appear only as placeholders. Press Create to start."));
    setCommitPage(false);

    m_plan = new QPlainTextEdit(this);
    m_plan->setReadOnly(true);
    m_plan->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_plan->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_plan->setAccessibleName(tr("Migration plan"));
    m_plan->setTabChangesFocus(true);
    auto *planLabel = buddyLabel(tr("&Plan:"), m_plan, this);
    m_format = new QComboBox(this);
    m_format->setAccessibleName(tr("Properties file format"));
    m_format->addItem(tr("az CLI properties (api-version 2024-08-01)"), int(arm::PropertiesFile::Format::New));
    m_format->addItem(tr("az CLI properties, seed-era format"), int(arm::PropertiesFile::Format::Old));
    m_export = new QPushButton(tr("&Export properties file…"), this);
    m_export->setAccessibleName(tr("Export the properties file"));
    m_copy = new QPushButton(tr("Cop&y az command"), this);
    m_copy->setAccessibleName(tr("Copy the az command line"));
    m_status = makeMessageLabel(this, tr("Create status"));
    m_permissions = makeMessageLabel(this, tr("Contributor role per scope"));

    auto *row = new QHBoxLayout;
    row->addWidget(buddyLabel(tr("&Format:"), m_format, this));
    row->addWidget(m_format);
    row->addStretch();
    row->addWidget(m_export);
    row->addWidget(m_copy);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(planLabel);
    layout->addWidget(m_plan, 1);
    layout->addLayout(row);
    layout->addWidget(m_permissions);
    layout->addWidget(m_status);
    setTabOrder(m_plan, m_format);
    setTabOrder(m_format, m_export);
    setTabOrder(m_export, m_copy);

    connect(m_format, &QComboBox::currentIndexChanged, this,
            [this] { m_model->setFormat(arm::PropertiesFile::Format(m_format->currentData().toInt())); });
    connect(m_export, &QPushButton::clicked, this, &ReviewPage::chooseExport);
    connect(m_copy, &QPushButton::clicked, this, [this] {
        QApplication::clipboard()->setText(m_model->azCommand());
        showMessage(m_status, tr("Copied the az command line (save the properties file next to it)."), false);
    });
    connect(model, &ReviewPageModel::changed, this, &ReviewPage::update);
}

void ReviewPage::initializePage()
{
    showMessage(m_status, QString());
    update();
}

void ReviewPage::update()
{
    m_plan->setPlainText(m_model->reviewText());
    m_format->setEnabled(!m_creating);
    m_export->setEnabled(!m_creating);
    m_copy->setEnabled(!m_creating);
    emit completeChanged();
}

bool ReviewPage::isComplete() const
{
    return !m_creating && m_model->isComplete();
}

void ReviewPage::setCreating(bool creating)
{
    m_creating = creating;
    if (creating)
        showMessage(m_status, tr("Creating the migration…"), false);
    update();
}

void ReviewPage::setPermissions(const QString &text, bool problem)
{
    showMessage(m_permissions, text, problem);
}

void ReviewPage::showCreateError(const QString &message)
{
    m_creating = false;
    showMessage(m_status, tr("The migration was not created: %1").arg(message));
    update();
}

bool ReviewPage::exportTo(const QString &path)
{
    if (!m_model->exportPropertiesFile(path)) {
        showMessage(m_status, m_model->errorText());
        return false;
    }
    showMessage(m_status, tr("Saved %1. Replace the placeholders with the secrets before running the az command.").arg(QFileInfo(path).fileName()),
                false);
    return true;
}

void ReviewPage::chooseExport()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export the properties file"), QStringLiteral("migration-properties.json"),
                                                      tr("JSON (*.json);;All files (*)"));
    if (!path.isEmpty())
        exportTo(path);
}

} // namespace fm::ui
