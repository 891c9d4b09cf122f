// Name pools for synthetic people. Common given names and surnames, invented combinations: no real
// person's record. Regions follow the states' broad naming traditions so a generator can keep names
// plausible for the state it places a person in.

export type Region = 'north' | 'west' | 'south-ta' | 'south-te' | 'south-kn' | 'south-ml' | 'east' | 'northeast';

export const MALE: Record<Region, readonly string[]> = {
  north: ['Rajesh', 'Suresh', 'Amit', 'Rahul', 'Vikas', 'Sanjay', 'Manoj', 'Deepak', 'Anil', 'Ramesh', 'Sunil', 'Ajay', 'Pankaj', 'Rohit', 'Gaurav', 'Mohd Arif', 'Harpreet', 'Gurpreet', 'Ravi', 'Ashok', 'Vinod', 'Mukesh', 'Naresh', 'Dinesh', 'Raju'],
  west: ['Mahesh', 'Prakash', 'Santosh', 'Nilesh', 'Sachin', 'Ganesh', 'Hitesh', 'Jignesh', 'Bhavesh', 'Kiran', 'Vijay', 'Sandeep', 'Yogesh', 'Tushar', 'Mehul', 'Chirag', 'Dattatray', 'Ashok', 'Rakesh', 'Nitin'],
  'south-ta': ['Murugan', 'Senthil', 'Karthik', 'Saravanan', 'Arun', 'Vignesh', 'Ramesh', 'Kumar', 'Selvam', 'Ganesan', 'Balaji', 'Prabhu', 'Manikandan', 'Rajkumar', 'Dinesh'],
  'south-te': ['Srinivas', 'Venkatesh', 'Ramesh', 'Naresh', 'Suresh', 'Ravi', 'Krishna', 'Prasad', 'Mahesh', 'Nagaraju', 'Raju', 'Sai Kumar', 'Anil', 'Chandra', 'Satish'],
  'south-kn': ['Manjunath', 'Basavaraj', 'Nagaraj', 'Ravi', 'Prakash', 'Mahesh', 'Shivakumar', 'Suresh', 'Raghu', 'Mallikarjun', 'Santosh', 'Girish', 'Harish', 'Umesh', 'Shankar'],
  'south-ml': ['Anil', 'Biju', 'Sajeev', 'Rajesh', 'Suresh', 'Jose', 'Thomas', 'Abdul Rahman', 'Shibu', 'Manoj', 'Sunil', 'Vinod', 'Pradeep', 'Sreejith', 'Jithin'],
  east: ['Subrata', 'Abhijit', 'Sourav', 'Debashis', 'Pradip', 'Tapas', 'Biswajit', 'Prasanta', 'Amit', 'Sanjay', 'Rabindra', 'Sudhir', 'Manas', 'Bikash', 'Ranjit'],
  northeast: ['Bhaskar', 'Pranjal', 'Dhruba', 'Lalthanga', 'Thangjam', 'Ngangom', 'Biju', 'Rajib', 'Dipankar', 'Hemanta', 'Lalrinawma', 'Tomba', 'Pradip', 'Bikash', 'Rupam'],
};

export const FEMALE: Record<Region, readonly string[]> = {
  north: ['Sunita', 'Anita', 'Pooja', 'Neha', 'Priya', 'Rekha', 'Kavita', 'Seema', 'Geeta', 'Suman', 'Manju', 'Ritu', 'Sushma', 'Nisha', 'Rani', 'Shabnam', 'Harjeet', 'Simran', 'Kiran', 'Asha', 'Savitri', 'Urmila', 'Meena', 'Shanti', 'Poonam'],
  west: ['Sunita', 'Lata', 'Mangal', 'Vaishali', 'Swati', 'Jyoti', 'Hetal', 'Komal', 'Bhavna', 'Kajal', 'Manisha', 'Shital', 'Archana', 'Sangita', 'Rupal', 'Nirmala', 'Usha', 'Varsha', 'Sarika', 'Priyanka'],
  'south-ta': ['Lakshmi', 'Selvi', 'Meena', 'Kavitha', 'Revathi', 'Saranya', 'Malathi', 'Jayanthi', 'Vijaya', 'Dhanalakshmi', 'Priya', 'Divya', 'Sumathi', 'Chitra', 'Muthulakshmi'],
  'south-te': ['Lakshmi', 'Padma', 'Sujatha', 'Swapna', 'Anitha', 'Radha', 'Sravani', 'Bhavani', 'Kalyani', 'Manga', 'Jyothi', 'Vani', 'Sirisha', 'Ramadevi', 'Aruna'],
  'south-kn': ['Lakshmi', 'Savitha', 'Manjula', 'Shobha', 'Kavya', 'Roopa', 'Geetha', 'Nagamma', 'Shilpa', 'Asha', 'Sumitra', 'Parvathi', 'Rekha', 'Pushpa', 'Bhagya'],
  'south-ml': ['Sreeja', 'Bindu', 'Lissy', 'Mini', 'Remya', 'Shyni', 'Anju', 'Divya', 'Mary', 'Fathima', 'Sindhu', 'Ambili', 'Jaya', 'Rajitha', 'Soumya'],
  east: ['Mousumi', 'Rina', 'Sumana', 'Papiya', 'Mitali', 'Soma', 'Puja', 'Rupa', 'Sabita', 'Anjali', 'Mamata', 'Kalpana', 'Sujata', 'Madhumita', 'Lipika'],
  northeast: ['Bornali', 'Anjali', 'Mitali', 'Lalremruati', 'Thoibi', 'Rina', 'Junu', 'Dipali', 'Pallavi', 'Sangeeta', 'Bijaya', 'Ranjita', 'Nandini', 'Lalnunpuii', 'Momi'],
};

export const SURNAMES: Record<Region, readonly string[]> = {
  north: ['Kumar', 'Singh', 'Sharma', 'Verma', 'Yadav', 'Gupta', 'Mishra', 'Pandey', 'Chauhan', 'Tiwari', 'Khan', 'Ansari', 'Saini', 'Jat', 'Meena', 'Devi', 'Prasad', 'Chaudhary', 'Rawat', 'Negi'],
  west: ['Patil', 'Jadhav', 'Pawar', 'Shinde', 'Kulkarni', 'Deshmukh', 'Patel', 'Shah', 'Desai', 'Chavan', 'More', 'Gaikwad', 'Joshi', 'Parmar', 'Solanki', 'Rathod', 'Mehta', 'Naik', 'Kamble', 'Sawant'],
  'south-ta': ['Murugan', 'Subramanian', 'Krishnan', 'Rajan', 'Pandian', 'Natarajan', 'Raman', 'Shanmugam', 'Velu', 'Perumal', 'Kannan', 'Arumugam', 'Sekar', 'Selvaraj', 'Ramasamy'],
  'south-te': ['Reddy', 'Rao', 'Naidu', 'Goud', 'Chowdary', 'Yadav', 'Babu', 'Varma', 'Raju', 'Shaik', 'Kumar', 'Prasad', 'Sharma', 'Murthy', 'Achary'],
  'south-kn': ['Gowda', 'Shetty', 'Hegde', 'Rao', 'Naik', 'Patil', 'Kumar', 'Swamy', 'Bhat', 'Reddy', 'Murthy', 'Kulkarni', 'Poojary', 'Achar', 'Nayak'],
  'south-ml': ['Nair', 'Menon', 'Pillai', 'Kurian', 'Varghese', 'Joseph', 'Mathew', 'Kumar', 'Das', 'Thomas', 'Abraham', 'George', 'Krishnan', 'Panicker', 'Kutty'],
  east: ['Das', 'Roy', 'Ghosh', 'Mondal', 'Banerjee', 'Chatterjee', 'Sahoo', 'Mahato', 'Paul', 'Dey', 'Sarkar', 'Behera', 'Mohanty', 'Nayak', 'Pradhan', 'Mukherjee', 'Biswas', 'Singh', 'Oraon', 'Munda'],
  northeast: ['Das', 'Baruah', 'Bora', 'Gogoi', 'Saikia', 'Kalita', 'Singh', 'Devi', 'Sangma', 'Marak', 'Lyngdoh', 'Chakma', 'Debbarma', 'Sema', 'Ao'],
};

/** The naming region of each CoWin state (by its CoWin spelling). */
export const STATE_REGION: Record<string, Region> = {
  'Andaman and Nicobar Islands': 'east', 'Andhra Pradesh': 'south-te', 'Arunachal Pradesh': 'northeast', Assam: 'northeast',
  Bihar: 'north', Chandigarh: 'north', Chhattisgarh: 'north', 'Dadra and Nagar Haveli': 'west', Delhi: 'north', Goa: 'west',
  Gujarat: 'west', Haryana: 'north', 'Himachal Pradesh': 'north', 'Jammu and Kashmir': 'north', Jharkhand: 'east',
  Karnataka: 'south-kn', Kerala: 'south-ml', Ladakh: 'north', Lakshadweep: 'south-ml', 'Madhya Pradesh': 'north',
  Maharashtra: 'west', Manipur: 'northeast', Meghalaya: 'northeast', Mizoram: 'northeast', Nagaland: 'northeast',
  Odisha: 'east', Puducherry: 'south-ta', Punjab: 'north', Rajasthan: 'north', Sikkim: 'northeast', 'Tamil Nadu': 'south-ta',
  Telangana: 'south-te', Tripura: 'northeast', 'Uttar Pradesh': 'north', Uttarakhand: 'north', 'West Bengal': 'east',
  'Daman and Diu': 'west',
};

/** What Faker-style generators produce with an English locale: the fingerprints of fabricated data. */
export const FAKER_FIRST = ['John', 'Michael', 'Sarah', 'Jessica', 'David', 'Emily', 'James', 'Ashley', 'Robert', 'Jennifer', 'William', 'Amanda', 'Aarav', 'Vihaan', 'Diya', 'Ananya'];
export const FAKER_LAST = ['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Davis', 'Wilson', 'Anderson', 'Taylor', 'Sharma', 'Patel'];
export const FAKER_SUFFIX = ['Jr.', 'Sr.', 'II', 'III', 'MD', 'PhD', 'DVM'];
export const FAKER_TITLE = ['Mr.', 'Mrs.', 'Ms.', 'Dr.', 'Miss'];
export const FAKER_STREET = ['Main Street', 'Oak Avenue', 'Maple Drive', 'Cedar Lane', 'Elm Street', 'Park Avenue', 'Washington Blvd', 'Lake View Road'];
