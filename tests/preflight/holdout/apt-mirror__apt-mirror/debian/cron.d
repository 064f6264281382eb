#
# Regular cron jobs for the apt-mirror package
#
#0 4	* * *	apt-mirror	/usr/bin/apt-mirror > /var/spool/apt-mirror/var/cron.log
