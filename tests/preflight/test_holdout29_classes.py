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


# -- G: remote JMX with authentication switched off --


def test_remote_jmx_without_authentication_is_reported_at_the_switch() -> None:
    setenv = (
        'CATALINA_OPTS="\\\n'
        "  -Dcom.sun.management.jmxremote.port=${JMX_PORT} \\\n"
        "  -Dcom.sun.management.jmxremote.ssl=false \\\n"
        '  -Dcom.sun.management.jmxremote.authenticate=false"\n'
    )
    assert codes_at({"tomcat/bin/setenv.sh": setenv}, _AUTH) == [4]
    batch = 'set "JMX=-Dcom.sun.management.jmxremote.authenticate=false -Dcom.sun.management.jmxremote.port=8099"\r\n'
    assert codes_at({"tomcat/bin/setenv.bat": batch}, _AUTH) == [1]
    props = "com.sun.management.jmxremote.port=9010\ncom.sun.management.jmxremote.authenticate=false\n"
    assert codes_at({"conf/management.properties": props}, _AUTH) == [2]


def test_local_jmx_commented_jmx_or_jmx_on_loopback_is_quiet() -> None:
    setenv = (
        'CATALINA_OPTS="$CATALINA_OPTS -Dcom.sun.management.jmxremote"\n'
        '#CATALINA_OPTS="$CATALINA_OPTS -Dcom.sun.management.jmxremote.port=7777 \\\n'
        '#-Dcom.sun.management.jmxremote.authenticate=false"\n'
    )
    assert codes_at({"tomcat/bin/setenv.sh": setenv}, _AUTH) == []
    batch = (
        "set CATALINA_OPTS=%CATALINA_OPTS% -Dcom.sun.management.jmxremote\r\n"
        "rem set CATALINA_OPTS=%CATALINA_OPTS% -Dcom.sun.management.jmxremote.port=7777\r\n"
        "rem set CATALINA_OPTS=%CATALINA_OPTS% -Dcom.sun.management.jmxremote.authenticate=false\r\n"
    )
    assert codes_at({"tomcat/bin/setenv.bat": batch}, _AUTH) == []
    loopback = (
        'JAVA_OPTS="-Dcom.sun.management.jmxremote.port=9010 -Dcom.sun.management.jmxremote.host=127.0.0.1 '
        '-Dcom.sun.management.jmxremote.authenticate=false"\n'
    )
    assert codes_at({"bin/env.sh": loopback}, _AUTH) == []
    assert codes_at({"README.md": "Add `-Dcom.sun.management.jmxremote.port=9010 …authenticate=false`\n"}, _AUTH) == []


# -- H: a JDWP debug agent listening beyond the host --


def test_a_jdwp_agent_on_every_interface_or_a_bare_port_is_reported() -> None:
    entry = "#!/bin/sh\nexec java -agentlib:jdwp=transport=dt_socket,address=5005,server=y,suspend=n -jar /app.jar\n"
    assert codes_at({"docker/entrypoint.sh": entry}, _AUTH) == [2]
    env = 'JAVA_TOOL_OPTIONS="-agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=*:5005"\n'
    assert codes_at({"docker/app.env": env}, _AUTH) == [1]
    old = 'JAVA_OPTS="-Xdebug -Xrunjdwp:transport=dt_socket,server=y,address=0.0.0.0:8000"\n'
    assert codes_at({"bin/run.sh": old}, _AUTH) == [1]


def test_a_loopback_commented_client_or_catalina_jpda_agent_is_quiet() -> None:
    quiet = (
        "#!/bin/sh\n"
        'JPDA_OPTS="-agentlib:jdwp=transport=dt_socket,address=*:8000,server=y,suspend=n"\n'
        "export JPDA_ADDRESS=*:8000\n"
        '#DEBUG="-agentlib:jdwp=transport=dt_socket,server=y,address=5005"\n'
        'LOCAL="-agentlib:jdwp=transport=dt_socket,server=y,address=127.0.0.1:5005"\n'
        'ATTACH="-agentlib:jdwp=transport=dt_socket,server=n,address=ide.vendor.io:5005"\n'
        'VAR="-agentlib:jdwp=transport=dt_socket,server=y,address=$DEBUG_PORT"\n'
    )
    assert codes_at({"bin/setenv.sh": quiet}, _AUTH) == []
    batch = "set JPDA_OPTS=-Xrunjdwp:transport=dt_socket,address=8787,server=y,suspend=n\r\n"
    assert codes_at({"bin/setenv.bat": batch}, _AUTH) == []


# -- I: a Tomcat AJP connector with no secret beyond loopback --


def test_an_ajp_connector_without_a_secret_is_reported() -> None:
    server = (
        '<Server port="8005" shutdown="SHUTDOWN">\n'
        '  <Service name="Catalina">\n'
        '    <Connector port="8080" protocol="HTTP/1.1" redirectPort="8443" />\n'
        '    <Connector port="8009" protocol="AJP/1.3" redirectPort="8443" />\n'
        '    <Connector port="8010"\n'
        '               protocol="org.apache.coyote.ajp.AjpNioProtocol"\n'
        '               address="0.0.0.0" secretRequired="false" />\n'
        "  </Service>\n"
        "</Server>\n"
    )
    assert codes_at({"conf/server.xml": server}, _AUTH) == [4, 5]


def test_an_ajp_connector_with_a_secret_on_loopback_or_commented_is_quiet() -> None:
    server = (
        "<Server>\n"
        '  <!-- <Connector port="8009" protocol="AJP/1.3" redirectPort="8443" /> -->\n'
        '  <Connector port="8009" protocol="AJP/1.3" secret="s3cr3t-value" />\n'
        '  <Connector port="8010" protocol="AJP/1.3" address="127.0.0.1" />\n'
        '  <Connector port="8011" protocol="AJP/1.3" address="::1" secretRequired="false" />\n'
        "</Server>\n"
    )
    assert codes_at({"conf/server.xml": server}, _AUTH) == []


# -- J: a Jenkins configuration that lets anonymous users act --


def test_jenkins_anonymous_grants_that_act_and_an_unsecured_strategy_are_reported() -> None:
    config = (
        "<?xml version='1.0' encoding='UTF-8'?>\n"
        "<hudson>\n"
        "  <useSecurity>true</useSecurity>\n"
        '  <authorizationStrategy class="hudson.security.GlobalMatrixAuthorizationStrategy">\n'
        "    <permission>hudson.model.Computer.Connect:anonymous</permission>\n"
        "    <permission>hudson.model.Hudson.Read:anonymous</permission>\n"
        "    <permission>USER:hudson.model.Item.Build:anonymous</permission>\n"
        "  </authorizationStrategy>\n"
        "</hudson>\n"
    )
    assert codes_at({"jenkins/config.xml": config}, _AUTH) == [5, 7]
    unsecured = (
        '<hudson>\n  <authorizationStrategy class="hudson.security.AuthorizationStrategy$Unsecured"/>\n</hudson>\n'
    )
    assert codes_at({"jenkins_home/config.xml": unsecured}, _AUTH) == [2]


def test_jenkins_read_grants_commented_strategies_and_other_config_xml_are_quiet() -> None:
    config = (
        "<hudson>\n"
        '  <!-- <authorizationStrategy class="hudson.security.AuthorizationStrategy$Unsecured"/> -->\n'
        '  <authorizationStrategy class="hudson.security.GlobalMatrixAuthorizationStrategy">\n'
        "    <permission>hudson.model.Hudson.Read:anonymous</permission>\n"
        "    <permission>hudson.model.Item.Workspace:anonymous</permission>\n"
        "    <permission>hudson.model.Computer.Connect:authenticated</permission>\n"
        "  </authorizationStrategy>\n"
        "</hudson>\n"
    )
    assert codes_at({"jenkins/config.xml": config}, _AUTH) == []
    job = "<project>\n  <permission>hudson.model.Item.Build:anonymous</permission>\n</project>\n"
    assert codes_at({"jenkins/jobs/x/config.xml": job}, _AUTH) == []


def test_jenkins_with_security_switched_off_is_reported_and_on_is_quiet() -> None:
    off = "<hudson>\n  <version>1.609</version>\n  <useSecurity>false</useSecurity>\n</hudson>\n"
    assert codes_at({"jenkins/config.xml": off}, _AUTH) == [3]
    on = "<hudson>\n  <useSecurity>true</useSecurity>\n</hudson>\n"
    assert codes_at({"jenkins/config.xml": on}, _AUTH) == []
