#ifndef TABLE_H
#define TABLE_H
int table_get(unsigned idx);
#endif
