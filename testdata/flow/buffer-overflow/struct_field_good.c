/* a record's fixed array of ports, filled to its end */
struct listener {
    int nports;
    unsigned short ports[4];
};

void default_ports(struct listener *l)
{
    int i;

    for (i = 0; i < 4; i++)
        l->ports[i] = (unsigned short)(8000 + i);
    l->nports = 4;
}
