-- Reference data: the municipalities of the Zaječar and Bor districts (Serbia) and of Vidin
-- province (Bulgaria). Codes are stable: they appear in addresses and in the open-data API.
INSERT INTO municipality (code, country, name_latin, name_cyrillic) VALUES
    ('zajecar',      'RS', 'Zaječar',      'Зајечар'),
    ('knjazevac',    'RS', 'Knjaževac',    'Књажевац'),
    ('boljevac',     'RS', 'Boljevac',     'Бољевац'),
    ('sokobanja',    'RS', 'Sokobanja',    'Сокобања'),
    ('bor',          'RS', 'Bor',          'Бор'),
    ('negotin',      'RS', 'Negotin',      'Неготин'),
    ('kladovo',      'RS', 'Kladovo',      'Кладово'),
    ('majdanpek',    'RS', 'Majdanpek',    'Мајданпек'),
    ('vidin',        'BG', 'Vidin',        'Видин'),
    ('belogradchik', 'BG', 'Belogradchik', 'Белоградчик'),
    ('kula',         'BG', 'Kula',         'Кула'),
    ('bregovo',      'BG', 'Bregovo',      'Брегово'),
    ('dimovo',       'BG', 'Dimovo',       'Димово'),
    ('novo-selo',    'BG', 'Novo Selo',    'Ново село'),
    ('chuprene',     'BG', 'Chuprene',     'Чупрене'),
    ('makresh',      'BG', 'Makresh',      'Макреш'),
    ('boynitsa',     'BG', 'Boynitsa',     'Бойница'),
    ('gramada',      'BG', 'Gramada',      'Грамада'),
    ('ruzhintsi',    'BG', 'Ruzhintsi',    'Ружинци');
