#!/bin/sh
# Upgrade number 5 for OpenEMR docker
#  From prior version 7.0.0 (needed for the sql upgrade script).
priorOpenemrVersion="7.0.0"

echo "Start: Upgrade to docker-version 5"

# Perform codebase upgrade on each directory in sites/
for dir in $(find /var/www/localhost/htdocs/openemr/sites/* -maxdepth 0 -type d ); do
    sitename=$(basename "${dir}")

    # Ensure have all directories
    echo "Start: Ensure have all directories in ${sitename}"
    mkdir -p \
        "${dir}"/documents/certificates \
        "${dir}"/documents/couchdb \
        "${dir}"/documents/custom_menus/patient_menus \
        "${dir}"/documents/edi \
        "${dir}"/documents/era \
        "${dir}"/documents/letter_templates \
        "${dir}"/documents/logs_and_misc/methods \
        "${dir}"/documents/mpdf/pdf_tmp \
        "${dir}"/documents/onsite_portal_documents/templates \
        "${dir}"/documents/procedure_results \
        "${dir}"/documents/smarty/gacl \
        "${dir}"/documents/smarty/main \
        "${dir}"/documents/temp
    echo "Completed: Ensure have all directories in ${sitename}"

    # Clear smarty cache
    echo "Start: Clear smarty cache in ${sitename}"
    rm -fr "${dir}"/documents/smarty/gacl/*
    rm -fr "${dir}"/documents/smarty/main/*
    echo "Completed: Clear smarty cache in ${sitename}"
done

# Fix permissions
echo "Start: Fix permissions"
chown -R apache:root /var/www/localhost/htdocs/openemr/sites/
echo "Completed: Fix permissions"

# Perform database upgrade on each directory in sites/
for dirdata in $(find /var/www/localhost/htdocs/openemr/sites/* -maxdepth 0 -type d ); do
    sitename=$(basename "${dirdata}")

    # Upgrade database
    echo "Start: Upgrade database for ${sitename} from ${priorOpenemrVersion}"
    sed -e "s@!empty(\$_POST\['form_submit'\])@true@" < /var/www/localhost/htdocs/openemr/sql_upgrade.php > /var/www/localhost/htdocs/openemr/TEMPsql_upgrade.php
    sed -i "s@\$form_old_version = \$_POST\['form_old_version'\];@\$form_old_version = '${priorOpenemrVersion}';@" /var/www/localhost/htdocs/openemr/TEMPsql_upgrade.php
    sed -i "1s@^@<?php \$_GET['site'] = '${sitename}'; ?>@" /var/www/localhost/htdocs/openemr/TEMPsql_upgrade.php
    php -f /var/www/localhost/htdocs/openemr/TEMPsql_upgrade.php
    rm -f /var/www/localhost/htdocs/openemr/TEMPsql_upgrade.php
    echo "Completed: Upgrade database for ${sitename} from ${priorOpenemrVersion}"
done

echo "Completed: Upgrade to docker-version 5"
