#!/bin/sh
# /usr/bin/lianluo-desk: the program installed in /opt/lianluo-desk
exec /opt/lianluo-desk/lianluo-desk "$@"
