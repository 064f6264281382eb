#
# Regular cron jobs for the debtrack package
#
42 2 * * *	debtrack	/usr/lib/debtrack/debupdatecheck.sh
