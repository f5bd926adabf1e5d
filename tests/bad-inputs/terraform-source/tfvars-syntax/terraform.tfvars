env = 
