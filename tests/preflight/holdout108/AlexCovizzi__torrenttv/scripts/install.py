import os

os.system("pipenv install --dev")
os.system("npm install")
