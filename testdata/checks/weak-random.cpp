// Fixture for weak-random (C++): a file that seeds rand() but never uses it for secrets.
#include <cstdlib>
#include <ctime>
#include <vector>

int shuffle_playlist(std::vector<int> &order)
{
	std::srand(static_cast<unsigned>(std::time(nullptr)));  // ok: weak-random (no security use in this file)
	for (std::size_t i = order.size(); i > 1; i--) {
		std::size_t j = static_cast<std::size_t>(std::rand()) % i;  // ok: weak-random
		int t = order[i - 1];
		order[i - 1] = order[j];
		order[j] = t;
	}
	return static_cast<int>(order.size());
}

int main()
{
	std::vector<int> order{0, 1, 2, 3};
	return shuffle_playlist(order) - 4;
}
