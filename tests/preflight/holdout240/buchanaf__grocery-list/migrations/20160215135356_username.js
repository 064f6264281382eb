
exports.up = function(knex, Promise) {
  console.log(knex.schema);
  return Promise.all([
    knex.schema.table('users', function(table) {
      table.string('username').notNullable();
    }),
  ]);
};

exports.down = function(knex, Promise) {
  return Promise.all([
    knex.schema.table('food', function(table) {
      table.dropColumn('test');
    }),
  ]);
};
