// Every spec here goes through real HTTP, a real database and often argon2: on a loaded 2-core
// machine one that takes 2 s alone can take 10 s. A timeout is a guard against a hang, never a
// measure of speed (benchmarks in bench/ measure that), so it is generous for all of them.
jasmine.DEFAULT_TIMEOUT_INTERVAL = 60_000;
