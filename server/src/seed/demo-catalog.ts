import type { IllustrationKind } from './demo-images';

/** The demo catalogue's shape: a two-level category tree, each leaf with the things it sells. */
export interface DemoLeafCategory {
  name: string;
  slug: string;
  illustration: IllustrationKind;
  nouns: string[];
  /** Price range in cents. */
  price: [number, number];
  variants: string[];
  material: string[];
  blurb: string;
}

export interface DemoTopCategory {
  name: string;
  slug: string;
  hue: number;
  children: DemoLeafCategory[];
}

const colours = ['Charcoal', 'Slate Grey', 'Forest Green', 'Sand', 'Navy', 'Terracotta', 'Ivory', 'Ocean Blue', 'Plum', 'Black'];

export const demoCategories: DemoTopCategory[] = [
  {
    name: 'Electronics', slug: 'electronics', hue: 210,
    children: [
      { name: 'Audio', slug: 'audio', illustration: 'headphones', price: [2499, 34_999], variants: colours, material: ['Aluminium', 'Recycled plastic', 'Walnut'],
        nouns: ['Wireless Over-Ear Headphones', 'Noise-Cancelling Earbuds', 'Portable Bluetooth Speaker', 'Studio Monitor Headphones', 'Compact Soundbar', 'Sport Earphones'],
        blurb: 'Balanced, detailed sound with deep bass, a battery that lasts a long weekend and controls that just work.' },
      { name: 'Computers', slug: 'computers', illustration: 'laptop', price: [1999, 89_999], variants: colours, material: ['Aluminium', 'Steel', 'ABS'],
        nouns: ['Mechanical Keyboard', 'Ergonomic Wireless Mouse', 'USB-C Docking Hub', '27-inch 4K Monitor', 'Adjustable Laptop Stand', '14-inch Ultrabook'],
        blurb: 'Built for long working days: quiet, sturdy and ready to plug into any modern laptop.' },
      { name: 'Phones & Accessories', slug: 'phone-accessories', illustration: 'phone', price: [999, 7999], variants: colours, material: ['Silicone', 'Leather', 'Tempered glass'],
        nouns: ['Slim Phone Case', '65W Fast Charger', '20000mAh Power Bank', 'Magnetic Car Mount', 'Braided USB-C Cable', 'Wireless Charging Pad'],
        blurb: 'Keeps your phone charged, protected and within reach, at home and on the road.' },
    ],
  },
  {
    name: 'Home & Kitchen', slug: 'home-kitchen', hue: 24,
    children: [
      { name: 'Cookware', slug: 'cookware', illustration: 'pan', price: [1999, 18_999], variants: ['24 cm', '28 cm', '20 cm', '32 cm'], material: ['Cast iron', 'Stainless steel', 'Carbon steel'],
        nouns: ['Cast Iron Skillet', 'Non-Stick Frying Pan', 'Enamelled Dutch Oven', 'Carbon Steel Wok', 'Copper-Core Saucepan'],
        blurb: 'Heats evenly, holds its temperature and goes from hob to oven to table.' },
      { name: 'Coffee & Tea', slug: 'coffee-tea', illustration: 'mug', price: [1299, 24_999], variants: ['Matte Black', 'Brushed Steel', 'White', 'Copper'], material: ['Ceramic', 'Borosilicate glass', 'Stainless steel'],
        nouns: ['Gooseneck Pour-Over Kettle', 'Conical Burr Grinder', 'French Press', 'Espresso Cup Set', 'Loose-Leaf Tea Infuser', 'Cold Brew Maker'],
        blurb: 'For a better cup every morning, with less fuss and nothing to waste.' },
      { name: 'Bedding', slug: 'bedding', illustration: 'pillow', price: [2499, 14_999], variants: ['Single', 'Double', 'King', 'Super King'], material: ['Washed linen', 'Organic cotton', 'Bamboo'],
        nouns: ['Linen Duvet Cover', 'Percale Sheet Set', 'Memory Foam Pillow', 'Weighted Blanket', 'Wool Mattress Topper'],
        blurb: 'Breathable, soft from the first night and softer with every wash.' },
    ],
  },
  {
    name: 'Fashion', slug: 'fashion', hue: 330,
    children: [
      { name: 'Men', slug: 'men', illustration: 'shirt', price: [1999, 19_999], variants: ['S', 'M', 'L', 'XL'], material: ['Organic cotton', 'Merino wool', 'Selvedge denim'],
        nouns: ['Oxford Shirt', 'Slim Chinos', 'Merino Crew Sweater', 'Denim Jacket', 'Quilted Gilet', 'Linen Shirt'],
        blurb: 'A timeless cut in honest fabric, made to be worn for years rather than a season.' },
      { name: 'Women', slug: 'women', illustration: 'dress', price: [2499, 24_999], variants: ['XS', 'S', 'M', 'L'], material: ['Silk', 'Viscose', 'Cashmere blend'],
        nouns: ['Wrap Dress', 'Cropped Cardigan', 'Classic Trench Coat', 'Silk Blouse', 'Pleated Midi Skirt', 'Wide-Leg Trousers'],
        blurb: 'Easy to wear, flattering and finished with care, from office to evening.' },
      { name: 'Shoes', slug: 'shoes', illustration: 'shoe', price: [3999, 17_999], variants: ['EU 38', 'EU 40', 'EU 42', 'EU 44'], material: ['Full-grain leather', 'Suede', 'Recycled knit'],
        nouns: ['Everyday Running Shoes', 'Chelsea Boots', 'Canvas Sneakers', 'Penny Loafers', 'Trail Hiking Shoes'],
        blurb: 'Cushioned, supportive and broken in from the first step.' },
    ],
  },
  {
    name: 'Sports & Outdoors', slug: 'sports-outdoors', hue: 140,
    children: [
      { name: 'Fitness', slug: 'fitness', illustration: 'dumbbell', price: [1499, 19_999], variants: ['4 kg', '8 kg', '12 kg', '16 kg'], material: ['Cast iron', 'Natural rubber', 'TPE'],
        nouns: ['Adjustable Dumbbell', 'Non-Slip Yoga Mat', 'Competition Kettlebell', 'Resistance Band Set', 'High-Density Foam Roller'],
        blurb: 'Gym quality for the living room, sized to store away when you are done.' },
      { name: 'Camping', slug: 'camping', illustration: 'tent', price: [1999, 39_999], variants: ['1-person', '2-person', '4-person'], material: ['Ripstop nylon', 'Aluminium', 'Recycled polyester'],
        nouns: ['Ultralight Backpacking Tent', 'Down Sleeping Bag', 'Compact Camping Stove', 'Rechargeable Headlamp', 'Insulated Sleeping Pad'],
        blurb: 'Light on your back, quick to pitch and tough enough for a wet weekend in the hills.' },
      { name: 'Cycling', slug: 'cycling', illustration: 'bike', price: [1499, 12_999], variants: ['S', 'M', 'L'], material: ['Carbon', 'Aluminium', 'Polycarbonate'],
        nouns: ['Road Bike Helmet', 'USB Bike Light Set', 'Padded Cycling Gloves', 'Frame Bag', 'Mini Floor Pump'],
        blurb: 'Ride further and safer with kit that fits well and survives the commute.' },
    ],
  },
  {
    name: 'Books', slug: 'books', hue: 45,
    children: [
      { name: 'Fiction', slug: 'fiction', illustration: 'book', price: [899, 2499], variants: ['Paperback', 'Hardcover'], material: ['Paper'],
        nouns: ['The Quiet Harbour', 'A Season of Salt', 'The Lantern Keeper', 'Northern Lights Over Oslo', 'The Glass Orchard', 'Letters to the Tide'],
        blurb: 'A gripping, generous novel that readers finish in a weekend and recommend for years.' },
      { name: 'Cookbooks', slug: 'cookbooks', illustration: 'book', price: [1499, 3999], variants: ['Hardcover'], material: ['Paper'],
        nouns: ['Weeknight Vegetables', 'The Bread Book', 'One Pan, Every Day', 'Spice Routes', 'Slow Sunday Cooking'],
        blurb: 'Recipes that work the first time, with clear steps and honest ingredient lists.' },
      { name: 'Science & Nature', slug: 'science-nature', illustration: 'book', price: [1199, 3499], variants: ['Paperback', 'Hardcover'], material: ['Paper'],
        nouns: ['The Hidden Life of Soil', 'Atoms in Motion', 'A Brief Atlas of Clouds', 'How Birds Navigate', 'The Deep Sea Explained'],
        blurb: 'Big ideas made clear and fascinating, without dumbing anything down.' },
    ],
  },
  {
    name: 'Beauty', slug: 'beauty', hue: 290,
    children: [
      { name: 'Skincare', slug: 'skincare', illustration: 'jar', price: [999, 6999], variants: ['30 ml', '50 ml', '100 ml'], material: ['Vegan formula', 'Fragrance-free'],
        nouns: ['Hyaluronic Face Serum', 'Daily Moisturiser', 'Gentle Foaming Cleanser', 'Mineral Sunscreen SPF 50', 'Overnight Repair Cream'],
        blurb: 'Dermatologist-tested, gentle on sensitive skin and free from unnecessary fragrance.' },
      { name: 'Hair Care', slug: 'hair-care', illustration: 'bottle', price: [799, 3999], variants: ['250 ml', '500 ml'], material: ['Sulphate-free', 'Silicone-free'],
        nouns: ['Repairing Shampoo', 'Hydrating Conditioner', 'Argan Hair Oil', 'Volume Dry Shampoo', 'Leave-In Treatment'],
        blurb: 'Cleans without stripping and leaves hair soft, shiny and easy to style.' },
    ],
  },
  {
    name: 'Toys & Games', slug: 'toys-games', hue: 0,
    children: [
      { name: 'Building Sets', slug: 'building-sets', illustration: 'blocks', price: [1499, 14_999], variants: ['250 pieces', '500 pieces', '1200 pieces'], material: ['ABS', 'Beech wood'],
        nouns: ['Harbour Town Building Set', 'Space Station Kit', 'Wooden Castle Blocks', 'Marble Run Builder', 'Robot Engineering Kit'],
        blurb: 'Hours of open-ended building that grows with your child, compatible with the sets you already own.' },
      { name: 'Puzzles & Board Games', slug: 'puzzles-games', illustration: 'puzzle', price: [999, 5999], variants: ['Ages 6+', 'Ages 10+', 'Adults'], material: ['Recycled card', 'Wood'],
        nouns: ['1000-Piece Mountain Puzzle', 'Cooperative Island Game', 'Classic Chess Set', 'Word Tiles Game', 'Family Strategy Game'],
        blurb: 'Easy to learn, hard to put down, and just as much fun on the tenth game night.' },
    ],
  },
  {
    name: 'Garden', slug: 'garden', hue: 95,
    children: [
      { name: 'Plants & Seeds', slug: 'plants-seeds', illustration: 'plant', price: [499, 4999], variants: ['Small', 'Medium', 'Large'], material: ['Terracotta pot', 'Organic seeds'],
        nouns: ['Olive Tree', 'Herb Seed Collection', 'Monstera Deliciosa', 'Lavender Plug Plants', 'Wildflower Seed Mix'],
        blurb: 'Healthy, nursery-grown and packed with care so it arrives ready to thrive.' },
      { name: 'Garden Tools', slug: 'garden-tools', illustration: 'trowel', price: [999, 8999], variants: ['Standard', 'Compact'], material: ['Stainless steel', 'Ash wood', 'Carbon steel'],
        nouns: ['Bypass Pruning Shears', 'Hand Trowel', 'Galvanised Watering Can', 'Hose Reel Cart', 'Border Fork'],
        blurb: 'Balanced, sharp and built to be handed down, with a handle that is kind to your hands.' },
    ],
  },
  {
    name: 'Office', slug: 'office', hue: 190,
    children: [
      { name: 'Stationery', slug: 'stationery', illustration: 'notebook', price: [499, 7999], variants: ['A5', 'A4', 'Pocket'], material: ['Acid-free paper', 'Brass', 'Recycled card'],
        nouns: ['Dotted Hardcover Notebook', 'Fountain Pen', 'Desk Organiser', 'Weekly Planner', 'Brass Ballpoint Pen'],
        blurb: 'Paper that takes ink beautifully and tools that make you want to write by hand.' },
      { name: 'Office Furniture', slug: 'office-furniture', illustration: 'chair', price: [4999, 69_999], variants: ['Grey', 'Black', 'Oak'], material: ['Mesh', 'Oak veneer', 'Powder-coated steel'],
        nouns: ['Ergonomic Office Chair', 'Electric Standing Desk', 'Monitor Arm', 'Under-Desk Drawer Unit', 'Footrest'],
        blurb: 'Adjusts to you, not the other way round: comfortable through the longest day.' },
    ],
  },
];

export const demoBrands = [
  'Northwind', 'Aurora', 'Kestrel', 'Lumen', 'Oakridge', 'Solstice', 'Halcyon', 'Vireo', 'Marlow', 'Tidewater', 'Copperleaf', 'Brightline',
];

export const demoAuthors = [
  'Ingrid Halvorsen', 'Tomás Ferreira', 'Amara Okafor', 'Lena Fischer', 'Hiroshi Tanaka', 'Claire Dubois',
  'Mateo Rossi', 'Saoirse Byrne', 'Priya Raman', 'Jonas Lindqvist', 'Elena Petrova', 'Samuel Adeyemi',
];
