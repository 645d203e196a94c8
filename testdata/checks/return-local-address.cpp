// Fixture for return-local-address (C++): references and pointers to locals returned from functions.
#include <cstdio>
#include <string>
#include <vector>

struct Account {
	std::string owner;
	int balance = 0;

	const std::string &name() const { return owner; }  // ok: return-local-address (a member)
};

const std::string &display_name(const Account &a)
{
	std::string shown = a.owner.empty() ? "anonymous" : a.owner;
	return shown;  // expect: return-local-address
}

const std::string &owner_of(const Account &a)
{
	return a.owner;  // ok: return-local-address
}

int &balance_copy(Account a)
{
	return a.balance;  // expect: return-local-address
}

int &next_id()
{
	static int id = 0;
	++id;
	return id;  // ok: return-local-address
}

std::string label(int n)
{
	char buf[32];
	std::snprintf(buf, sizeof buf, "item-%d", n);
	return buf;  // ok: return-local-address (copied into the returned std::string)
}

const char *label_ptr(int n)
{
	char buf[32];
	std::snprintf(buf, sizeof buf, "item-%d", n);
	return buf;  // expect: return-local-address
}

const char *owner_cstr(const Account &a)
{
	std::string copy = a.owner;
	return copy.c_str();  // todo-expect: return-local-address
}

int *first_of(std::vector<int> &v)
{
	return v.empty() ? nullptr : &v[0];  // ok: return-local-address
}

// Regression: in a template, `*it` is shown as a wrapper around `it`; returning through it is fine.
template <typename Map>
typename Map::mapped_type &lookup(Map &m, const typename Map::key_type &k)
{
	auto it = m.find(k);
	return (*it).second;  // ok: return-local-address
}

template <typename T>
const T &pick_local(const T &a, const T &b)
{
	T larger = a < b ? b : a;
	return larger;  // todo-expect: return-local-address
}
