* 0 * * * /usr/bin/kp_uploader
