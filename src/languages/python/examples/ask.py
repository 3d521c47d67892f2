# Reads a number from stdin (type it in the terminal) and prints its factors.
n = int(input("A whole number: "))
factors = [d for d in range(1, n + 1) if n % d == 0]
print(n, "has", len(factors), "factors:", factors)
print("prime!" if len(factors) == 2 else "not prime")
