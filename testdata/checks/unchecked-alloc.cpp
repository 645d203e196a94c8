// Fixture for unchecked-alloc (C++): C allocation functions used from C++ code.
#include <cstdlib>
#include <cstring>
#include <new>

struct Packet {
	unsigned len;
	unsigned char *payload;
};

class Pool {
public:
	explicit Pool(std::size_t n) : size_(n)
	{
		slots_ = static_cast<Packet *>(std::calloc(n, sizeof(Packet)));
		slots_[0].len = 0;  // expect: unchecked-alloc
	}

	bool reset(std::size_t n)
	{
		Packet *fresh = static_cast<Packet *>(std::calloc(n, sizeof(Packet)));
		if (fresh == nullptr)
			return false;
		fresh[0].len = 0;  // ok: unchecked-alloc
		std::free(slots_);
		slots_ = fresh;
		size_ = n;
		return true;
	}

	~Pool() { std::free(slots_); }

private:
	Packet *slots_;
	std::size_t size_;
};

unsigned char *copy_payload(const Packet &p)
{
	auto *out = static_cast<unsigned char *>(std::malloc(p.len));
	std::memcpy(out, p.payload, p.len);  // expect: unchecked-alloc
	return out;
}

unsigned char *copy_payload_checked(const Packet &p)
{
	auto *out = static_cast<unsigned char *>(std::malloc(p.len));
	if (!out)
		throw std::bad_alloc();
	std::memcpy(out, p.payload, p.len);  // ok: unchecked-alloc
	return out;
}

Packet *make_packet()
{
	Packet *p = new Packet();
	p->len = 0;  // ok: unchecked-alloc (new throws instead of returning null)
	return p;
}
