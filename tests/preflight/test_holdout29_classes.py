"""Classes the twenty-ninth hold-out set showed (tests/preflight/holdout29: Java application configuration and launch
scripts), each as its minimal construct next to a near-miss that must stay quiet or keep being reported."""

from __future__ import annotations

from preflight_kit import codes_at

_HC = "preflight.hardcoded_credential"
_DC = "preflight.default_credential"
_EP = "preflight.external_endpoint"
_AUTH = "preflight.authentication_disabled"


# -- A: Spring's ${NAME:default} is a reference whose literal fallback is a default credential --


def test_a_spring_placeholder_with_a_literal_fallback_is_a_default_credential() -> None:
    props = "spring.datasource.url=jdbc:postgresql://db:5432/app\nspring.datasource.password=${DB_PASSWORD:s3cretPw}\n"
    assert codes_at({"config/application.properties": props}, _DC) == [2]
    assert codes_at({"config/application.properties": props}, _HC) == []
    yml = "spring:\n  datasource:\n    password: ${DB_PWD:123456}\n    username: ${DB_USER:root}\n"
    assert codes_at({"config/application-prod.yml": yml}, _DC) == [3]
    assert codes_at({"config/application-prod.yml": yml}, _HC) == []
    dotted = "app.jwt.secret=${app.jwt.secret.value:c0ffee-signing-key}\n"
    assert codes_at({"application.properties": dotted}, _DC) == [1]


def test_a_spring_placeholder_with_no_or_a_placeholder_fallback_is_quiet() -> None:
    props = (
        "spring.datasource.password=${POSTGRESQL_PASSWORD:xxx}\n"
        "spring.mail.password=${MAIL_PASSWORD}\n"
        "spring.datasource.username=${DB_USER:admin}\n"
        "app.secret=${APP_SECRET:your-secret-here}\n"
    )
    assert codes_at({"application.properties": props}, _DC) == []
    assert codes_at({"application.properties": props}, _HC) == []
    # the shell's error form is not a fallback; compose's ${X:-admin} stays a default credential
    assert codes_at({"docker/.env": "DB_PASSWORD=${DB_PASSWORD:?set it}\n"}, _DC) == []
    assert codes_at({"docker/.env": "DB_PASSWORD=${DB_PASSWORD:-admin}\n"}, _DC) == [1]


# -- B: an instruction in Chinese where a key goes is not the key --


def test_chinese_fill_in_instructions_are_not_credentials() -> None:
    yml = "amz:\n  s3:\n    accessKey: 填写你的AccessKey\n    secretKey: 填写你的SecretKey\n    token: 请输入令牌\n"
    assert codes_at({"config/application.yml": yml}, _HC) == []


def test_a_real_value_in_a_chinese_file_is_still_a_credential() -> None:
    yml = "# 控制台管理用户名和密码\nlogin-username: admin\nlogin-password: Afaf72fan.aa\n"
    assert codes_at({"config/application.yml": yml}, _HC) == [3]


# -- C: passwords in XML attributes and one-line elements --


def test_password_attributes_and_elements_in_xml_are_credentials() -> None:
    users = (
        "<?xml version='1.0' encoding='utf-8'?>\n"
        "<tomcat-users>\n"
        '  <user username="both" password="tomcat" roles="manager"/>\n'
        '  <user username="role1" password="tomcat" roles="role1"/>\n'
        "</tomcat-users>\n"
    )
    assert codes_at({"conf/tomcat-users.xml": users}, _HC) == [3, 4]
    ds = (
        "<datasource>\n  <security>\n    <user-name>sa</user-name>\n"
        "    <password>s3cret-sa</password>\n  </security>\n</datasource>\n"
    )
    assert codes_at({"standalone/configuration/standalone.xml": ds}, _HC) == [4]
    connector = (
        '<Server>\n  <Connector port="8443"\n     keystorePass="changeit-now"\n     scheme="https"/>\n</Server>\n'
    )
    assert codes_at({"conf/server.xml": connector}, _HC) == [3]


def test_commented_referenced_or_placeholder_xml_passwords_are_quiet() -> None:
    users = (
        "<tomcat-users>\n"
        "<!--\n"
        '  <user username="admin" password="s3cret" roles="manager-gui"/>\n'
        "-->\n"
        '  <user username="ops" password="${ops.password}" roles="manager-gui"/>\n'
        "  <smtpAuthPassword>##SECRET:smtp.auth.password##</smtpAuthPassword>\n"
        '  <user username="dev" password="&lt;must-be-changed&gt;" passwordFile="conf/pw.txt"/>\n'
        '  <input type="password" name="password"/>\n'
        "</tomcat-users>\n"
    )
    assert codes_at({"conf/tomcat-users.xml": users}, _HC) == []


# -- D: JAAS user entries of a PLAIN login module --


def test_jaas_user_entries_are_credentials() -> None:
    props = (
        "listener.name.sasl_plaintext.plain.sasl.jaas.config=org.apache.kafka.common.security.plain."
        "PlainLoginModule required \\\n"
        '    username="admin" \\\n'
        '    password="admin-pw" \\\n'
        '    user_admin="admin-pw" \\\n'
        '    user_alice="alice-secret";\n'
    )
    assert codes_at({"config/server.properties": props}, _HC) == [3, 4, 5]


def test_user_options_outside_a_login_module_or_with_references_are_quiet() -> None:
    props = 'user_name="alice"\nuser_home="/home/alice"\n'
    assert codes_at({"config/app.properties": props}, _HC) == []
    jaas = (
        "KafkaServer {\n  org.apache.kafka.common.security.plain.PlainLoginModule required\n"
        '  user_admin="${ADMIN_PW}";\n};\n'
    )
    assert codes_at({"config/kafka_server_jaas.conf": jaas}, _HC) == []


# -- E: Jetty realm files: user: password, roles --


def test_jetty_realm_accounts_are_credentials() -> None:
    realm = "# username: password [,rolename ...]\nadmin: admin, admin\nuser: user, user\n"
    assert codes_at({"conf/jetty-realm.properties": realm}, _HC) == [2, 3]
    assert codes_at({"etc/realm.properties": "guest=guest-pw,user\n"}, _HC) == [1]


def test_obfuscated_realm_passwords_and_other_properties_files_are_quiet() -> None:
    realm = "admin: OBF:1u2a1toa1w8v1tok1u30, admin\nuser: MD5:164c88b302622e17050af52c89945d44,user\n"
    assert codes_at({"conf/jetty-realm.properties": realm}, _HC) == []
    assert codes_at({"conf/groups.properties": "admins=admin\nusers=user\n"}, _HC) == []


# -- F: a host setting written as a one-line XML element; Jenkins' own URL is its own name --


def test_a_host_in_an_xml_element_setting_is_contacted() -> None:
    mailer = (
        "<?xml version='1.0' encoding='UTF-8'?>\n"
        "<hudson.tasks.Mailer_-DescriptorImpl>\n"
        "  <smtpHost>smtp.sendgrid.net</smtpHost>\n"
        "  <smtpPort>2525</smtpPort>\n"
        "</hudson.tasks.Mailer_-DescriptorImpl>\n"
    )
    assert codes_at({"jenkins/hudson.tasks.Mailer.xml": mailer}, _EP) == [3]
    ds = "<datasource>\n  <connection-url>jdbc:postgresql://db.vendor.io:5432/app</connection-url>\n</datasource>\n"
    assert codes_at({"standalone.xml": ds}, _EP) == [2]


def test_jenkins_own_url_mail_addresses_and_comments_in_xml_are_not_contacted() -> None:
    mailer = (
        "<hudson.tasks.Mailer_-DescriptorImpl>\n"
        "  <hudsonUrl>http://ci.vendor.io/</hudsonUrl>\n"
        "  <replyToAddress>ci@vendor.io</replyToAddress>\n"
        "  <!-- <smtpHost>smtp.vendor.io</smtpHost> -->\n"
        "  <smtpHost>localhost</smtpHost>\n"
        "</hudson.tasks.Mailer_-DescriptorImpl>\n"
    )
    assert codes_at({"jenkins/hudson.tasks.Mailer.xml": mailer}, _EP) == []
    location = "<jenkins.model.JenkinsLocationConfiguration>\n  <jenkinsUrl>https://ci.vendor.io/</jenkinsUrl>\n"
    assert codes_at({"jenkins.model.JenkinsLocationConfiguration.xml": location + "</x>\n"}, _EP) == []
