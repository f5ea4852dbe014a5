"""The updates benchmarks/quick-cli.sh and benchmarks/ingest-cli.sh time: COUNT text messages over 100 supergroups
with 5 of 500 users each, one second apart. Usage: python3 benchmarks/cli-updates.py OUT COUNT"""
import json, random, sys

out, count = sys.argv[1], int(sys.argv[2])
rnd = random.Random(18)
chats, users = 100, 500
members = {c: rnd.sample(range(users), 5) for c in range(chats)}
next_id = {c: 0 for c in range(chats)}
with open(out, "w") as f:
    for i in range(count):
        c = i % chats
        u = rnd.choice(members[c])
        next_id[c] += 1
        f.write(json.dumps({"update_id": 1000 + i, "message": {
            "message_id": next_id[c], "date": 1735689600 + i,
            "chat": {"id": -1001000000000 - c, "type": "supergroup", "title": "chat %d" % c},
            "from": {"id": 500000000 + u, "is_bot": False, "first_name": "user%d" % u, "username": "u%d" % u},
            "text": "message %d from %d" % (i, u)}}) + "\n")
