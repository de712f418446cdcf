#!/usr/bin/env python3
"""gen_categories.py: print the category rows of sql/migrations/0006_catalog.sql.

The Flutter app hard-codes category ids (contract README 12): men 1, women 179, boys 434,
girls 539, toddlers 672, electronics 673, general 674, fashion 675. The ids between them are a
fashion taxonomy: each department's range (men 2..178, women 180..433, boys 435..538, girls
540..671) is filled depth first from the lists below (group, type, style), stopping when the
range is full. Toddlers, electronics and general get their children after 675. The nested-set
numbers (lft, rgt) let a subtree be one range condition. Deterministic: run it and paste.
"""
import re

TOPS = ("Tops", [("T-shirts", ["Plain", "Graphic", "Long sleeve", "V-neck", "Oversized"]),
                 ("Shirts", ["Formal", "Casual", "Linen", "Denim", "Flannel"]),
                 ("Polo shirts", ["Short sleeve", "Long sleeve"]),
                 ("Vests and tank tops", []), ("Blouses", ["Silk", "Printed", "Lace"]),
                 ("Crop tops", []), ("Bodysuits", [])])
KNIT = ("Knitwear", [("Jumpers", ["Crew neck", "V-neck", "Roll neck"]), ("Cardigans", []),
                     ("Hoodies", ["Zip-up", "Pullover"]), ("Sweatshirts", [])])
OUTER = ("Coats and jackets", [("Coats", ["Overcoats", "Trench coats", "Parkas", "Puffer coats"]),
                               ("Jackets", ["Denim jackets", "Leather jackets", "Bomber jackets",
                                            "Gilets", "Rain jackets"]),
                               ("Blazers", [])])
BOTTOMS = ("Bottoms", [("Jeans", ["Skinny", "Slim", "Straight", "Relaxed", "Bootcut"]),
                       ("Trousers", ["Chinos", "Cargo", "Tailored", "Joggers", "Wide leg"]),
                       ("Shorts", ["Denim shorts", "Chino shorts", "Sports shorts"]),
                       ("Skirts", ["Mini", "Midi", "Maxi", "Pleated"]), ("Leggings", [])])
DRESSES = ("Dresses", [("Day dresses", ["Shirt dresses", "Wrap dresses", "Sundresses"]),
                       ("Evening dresses", ["Cocktail dresses", "Gowns"]),
                       ("Work dresses", []), ("Party dresses", []), ("Knitted dresses", []),
                       ("Jumpsuits and playsuits", ["Jumpsuits", "Playsuits"])])
SUITS = ("Suits and tailoring", [("Suits", ["Two-piece suits", "Three-piece suits", "Tuxedos"]),
                                 ("Suit jackets", []), ("Suit trousers", []), ("Waistcoats", [])])
ACTIVE = ("Activewear", [("Sports tops", []), ("Sports bras", []), ("Running", []),
                         ("Gym and training", []), ("Tracksuits", []), ("Swimwear", ["Swim shorts",
                         "Swimsuits", "Bikinis"])])
UNDER = ("Underwear and nightwear", [("Underwear", ["Boxers", "Briefs", "Knickers", "Bras"]),
                                     ("Socks", ["Ankle socks", "Sports socks", "Tights"]),
                                     ("Pyjamas", []), ("Dressing gowns", []), ("Thermals", [])])
SHOES = ("Shoes", [("Trainers", ["Running trainers", "Canvas trainers", "High tops"]),
                   ("Boots", ["Chelsea boots", "Work boots", "Ankle boots", "Knee boots"]),
                   ("Formal shoes", ["Oxfords", "Brogues", "Loafers"]),
                   ("Heels", ["Court shoes", "Block heels", "Stilettos"]), ("Flats", []),
                   ("Sandals", []), ("Slippers", [])])
ACCESS = ("Accessories", [("Bags", ["Backpacks", "Handbags", "Tote bags", "Crossbody bags",
                                    "Wallets and purses"]),
                          ("Hats and caps", ["Caps", "Beanies", "Sun hats"]),
                          ("Belts", []), ("Scarves", []), ("Gloves", []), ("Ties", []),
                          ("Sunglasses", []), ("Watches", []),
                          ("Jewellery", ["Necklaces", "Earrings", "Bracelets", "Rings"]),
                          ("Hair accessories", [])])
SCHOOL = ("School uniform", [("School shirts", []), ("School trousers", []),
                             ("School skirts", []), ("School jumpers", []), ("PE kit", [])])
KIDS_TOPS = ("Tops", [("T-shirts", ["Plain", "Graphic", "Long sleeve"]), ("Shirts", []),
                      ("Polo shirts", []), ("Vests", [])])
KIDS_BOTTOMS = ("Bottoms", [("Jeans", []), ("Trousers", ["Joggers", "Cargo", "Chinos"]),
                            ("Shorts", []), ("Leggings", [])])
GIRLS_DRESSES = ("Dresses and skirts", [("Dresses", ["Party dresses", "Day dresses"]),
                                        ("Skirts", []), ("Jumpsuits", [])])

WORK = ("Workwear", [("Work trousers", []), ("Work shirts", []), ("Hi-vis clothing", []),
                     ("Overalls and coveralls", []), ("Chef whites", []), ("Medical scrubs", []),
                     ("Safety footwear", [])])
LOUNGE = ("Loungewear", [("Lounge sets", []), ("Lounge trousers", []), ("Lounge tops", []),
                         ("Onesies", [])])
BIG = ("Big and tall", [("Big and tall tops", []), ("Big and tall jeans", []),
                        ("Big and tall trousers", []), ("Big and tall jackets", [])])
GROOM = ("Grooming", [("Shaving", ["Razors", "Shaving cream"]), ("Beard care", []),
                      ("Fragrances", ["Aftershave", "Eau de toilette"]), ("Hair care", [])])
TRAD_M = ("Traditional wear", [("Kurtas", []), ("Sherwanis", []), ("Kaftans", []), ("Thobes", []),
                               ("Dashikis", [])])
TRAD_W = ("Traditional wear", [("Saris", []), ("Salwar kameez", []), ("Abayas", []),
                               ("Kaftans", []), ("Kimonos", []), ("Lehengas", [])])
MATERNITY = ("Maternity", [("Maternity dresses", []), ("Maternity tops", []),
                           ("Maternity jeans", []), ("Maternity lingerie", []),
                           ("Nursing bras", [])])
PLUS = ("Plus size", [("Plus size dresses", []), ("Plus size tops", []), ("Plus size jeans", []),
                      ("Plus size coats", []), ("Plus size swimwear", [])])
LINGERIE = ("Lingerie", [("Bras", ["T-shirt bras", "Push-up bras", "Sports bras", "Bralettes"]),
                         ("Knickers", ["Briefs", "Thongs", "Shorts"]), ("Lingerie sets", []),
                         ("Shapewear", []), ("Slips", [])])
BEAUTY = ("Beauty", [("Make-up", ["Foundation", "Lipstick", "Mascara", "Eyeshadow"]),
                     ("Skincare", ["Cleansers", "Moisturisers", "Serums"]),
                     ("Fragrances", ["Perfume", "Body mist"]),
                     ("Hair care", ["Shampoo", "Conditioner", "Styling"]), ("Nails", [])])
BRIDAL = ("Bridal", [("Wedding dresses", []), ("Bridesmaid dresses", []), ("Veils", []),
                     ("Bridal shoes", []), ("Bridal accessories", [])])
SWIM_W = ("Swimwear and beachwear", [("Swimsuits", []), ("Bikinis", ["Bikini tops",
                                     "Bikini bottoms"]), ("Tankinis", []), ("Cover-ups", []),
                                     ("Beach dresses", [])])
OCCASION = ("Occasionwear", [("Prom dresses", []), ("Races outfits", []), ("Wedding guest", []),
                             ("Cocktail", []), ("Co-ord sets", [])])
VINTAGE = ("Vintage and preloved", [("Vintage dresses", []), ("Vintage denim", []),
                                    ("Vintage jackets", []), ("Vintage bags", [])])
HOSIERY = ("Hosiery", [("Tights", ["Sheer tights", "Opaque tights", "Patterned tights"]),
                       ("Stockings", []), ("Pop socks", [])])
MODEST = ("Modest wear", [("Hijabs", []), ("Maxi skirts", []), ("Long tunics", [])])
SWIM_K = ("Swimwear", [("Swimsuits", []), ("Bikinis", []), ("Swim shorts", [])])
PARTY_K = ("Party wear", [("Party dresses", []), ("Tutus", []), ("Fancy dress", []),
                          ("Bridesmaid dresses", [])])

DEPARTMENTS = [
    (1, "Men", "Clothing, shoes and accessories for men.", 2, 178,
     [TOPS, KNIT, OUTER, BOTTOMS, SUITS, ACTIVE, UNDER, SHOES, ACCESS, WORK, LOUNGE, BIG,
      GROOM, TRAD_M]),
    (179, "Women", "Clothing, shoes and accessories for women.", 180, 433,
     [TOPS, DRESSES, KNIT, OUTER, BOTTOMS, SUITS, ACTIVE, UNDER, SHOES, ACCESS, WORK, TRAD_W,
      LOUNGE, MATERNITY, PLUS, LINGERIE, BEAUTY, BRIDAL, SWIM_W, OCCASION, VINTAGE, HOSIERY,
      MODEST]),
    (434, "Boys", "Clothing and shoes for boys.", 435, 538,
     [KIDS_TOPS, KNIT, OUTER, KIDS_BOTTOMS, SCHOOL, ACTIVE, UNDER, SHOES, ACCESS]),
    (539, "Girls", "Clothing and shoes for girls.", 540, 671,
     [KIDS_TOPS, GIRLS_DRESSES, KNIT, OUTER, KIDS_BOTTOMS, SCHOOL, ACTIVE, UNDER, SHOES, ACCESS,
      LOUNGE, SWIM_K, PARTY_K]),
]
LATER = [  # (parent id, name, description, [children]) numbered from 676
    (672, "Toddlers", "Clothing and shoes for children aged 1 to 4.",
     ["Bodysuits", "Sleepsuits", "Outfit sets", "Toddler tops", "Toddler bottoms",
      "Toddler dresses", "Toddler outerwear", "Toddler shoes"]),
    (673, "Electronics", "Phones, computers, audio and accessories.",
     ["Mobile phones", "Phone cases and chargers", "Laptops", "Tablets", "Headphones",
      "Speakers", "Smartwatches", "Cables and adapters", "Cameras", "Gaming accessories"]),
    (674, "General", "Everything else a shop stocks.",
     ["Home and kitchen", "Beauty and personal care", "Toys and games", "Stationery",
      "Packaging and supplies", "Health and wellbeing", "Garden", "Pet supplies"]),
]
FASHION = 675


def slug(s):
    return re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-")


def main():
    rows = {}  # id -> [parent, name, slug, description, position]
    children = {}

    def add(i, parent, name, sl, desc, pos):
        assert i not in rows, i
        rows[i] = [parent, name, sl, desc, pos]
        children.setdefault(parent, []).append(i)

    add(FASHION, None, "Fashion", "fashion", "Clothing, shoes and accessories.", 1)
    add(673, None, "Electronics", "electronics", LATER[1][2], 2)
    add(674, None, "General", "general", LATER[2][2], 3)
    for pos, (dep_id, name, desc, lo, hi, groups) in enumerate(DEPARTMENTS, 1):
        add(dep_id, FASHION, name, slug(name), desc, pos)
        nid = lo

        def put(parent, nm, path, p):
            nonlocal nid
            if nid > hi:
                return None
            i = nid
            nid += 1
            add(i, parent, nm, slug(path), None, p)
            return i

        for gp, (gname, types) in enumerate(groups, 1):
            g = put(dep_id, gname, name + " " + gname, gp)
            for tp, (tname, styles) in enumerate(types, 1):
                t = g and put(g, tname, name + " " + gname + " " + tname, tp)
                for sp, sname in enumerate(styles, 1):
                    t and put(t, sname, name + " " + gname + " " + tname + " " + sname, sp)
        assert nid == hi + 1, "%s fills %d..%d of %d..%d: add names" % (name, lo, nid - 1, lo, hi)
    add(672, FASHION, "Toddlers", "toddlers", LATER[0][2], 5)
    nid = 676
    for parent, pname, _, kids in LATER:
        for p, k in enumerate(kids, 1):
            add(nid, parent, k, slug(pname + " " + k), None, p)
            nid += 1
    # nested set
    lr = {}
    counter = [0]

    def walk(i):
        counter[0] += 1
        left = counter[0]
        for c in sorted(children.get(i, []), key=lambda c: (rows[c][4], c)):
            walk(c)
        counter[0] += 1
        lr[i] = (left, counter[0])

    for r in sorted(children[None], key=lambda c: rows[c][4]):
        walk(r)

    def q(s):
        return "NULL" if s is None else "'" + s.replace("'", "''") + "'"

    out = []
    for i in sorted(rows, key=lambda i: lr[i][0]):  # parents before children (foreign key)
        parent, name, sl, desc, pos = rows[i]
        out.append("(%d, %s, %s, %s, %s, %d, %d, %d)" % (
            i, "NULL" if parent is None else parent, q(name), q(sl), q(desc), pos, lr[i][0],
            lr[i][1]))
    print("INSERT INTO categories (id, parent_id, name, slug, description, position, lft, rgt)"
          " VALUES")
    print(",\n".join(out) + ";")


main()
