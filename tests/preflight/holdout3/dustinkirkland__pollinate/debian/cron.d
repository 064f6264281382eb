* * * * *	daemon	anerd-client
