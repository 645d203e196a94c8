#ifndef PLUGIN_H
#define PLUGIN_H
int use_plugin_dir(const char *dir);
#endif
